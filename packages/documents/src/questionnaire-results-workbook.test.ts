import { bankQuestionsFor } from '@gongzhi/domain';
import { describe, expect, it } from 'vitest';
import { renderQuestionnaireResultsWorkbook, RESPONSES_SHEET, RESULTS_SHEET } from './questionnaire-results-workbook';
import { CLIENTS, DOCUMENT_DATE, FIRM } from './testing/fixtures';
import { CONVERSION_TIMEOUT_MS, convertAndRead, hasOfficeTools, nameOfficeTest, pdfOf, readSheetRows as sheetRows } from './testing/office-files';
import { HEADER_ROW } from './xlsx-layout';

const questions = bankQuestionsFor('residents');
const answers = (years: string, problems: string[], satisfaction: number, suggestion?: string) => ({
  'years-lived': years,
  'main-problems': problems,
  'property-satisfaction': satisfaction,
  ...(suggestion ? { suggestions: suggestion } : {}),
});
const input = {
  title: '和平里街道社区治理情况调查问卷（居民代表、业主委员会）',
  audience: '居民代表、业主委员会',
  version: 2,
  clientName: CLIENTS.street.name,
  preparedBy: FIRM,
  date: DOCUMENT_DATE,
  communities: ['和平里北社区', '安定门社区'],
  questions,
  responses: [
    { community: '和平里北社区', source: '链接填写', answeredOn: '2026-10-14', answers: answers('10年以上', ['飞线充电', '噪声扰民'], 2, '楼道里电动车太多，建议增设集中充电棚。') },
    { community: '和平里北社区', source: '链接填写', answeredOn: '2026-10-14', answers: answers('3—10年', ['飞线充电'], 3) },
    { community: '安定门社区', source: '律师录入', answeredOn: '2026-10-15', answers: answers('10年以上', ['群租房'], 4) },
  ],
};

describe('the questionnaire results workbook', () => {
  it('counts each option overall and per community, with each scale’s mean', async () => {
    const rows = await sheetRows(await renderQuestionnaireResultsWorkbook(input), RESULTS_SHEET);
    expect(rows[HEADER_ROW - 1]).toEqual(['序号', '题目', '选项', '人数', '比例', '和平里北社区', '安定门社区']);
    const option = (label: string) => rows.find((row) => row[2] === label)!;
    expect(option('10年以上').slice(3)).toEqual(['2', '66.7%', '1', '1']);
    expect(option('飞线充电').slice(3)).toEqual(['2', '66.7%', '2', '0']);
    expect(rows.find((row) => row[1]?.startsWith('您认为本社区目前最突出的问题有哪些'))?.[1]).toContain('（多选，3人作答）');
    expect(option('平均分（满分5分）').slice(3)).toEqual(['3', '', '2.5', '4']);
  });

  it('lists every response with its answers, text answers included', async () => {
    const rows = await sheetRows(await renderQuestionnaireResultsWorkbook(input), RESPONSES_SHEET);
    const header = rows[HEADER_ROW - 1]!;
    expect(header.slice(0, 4)).toEqual(['序号', '社区', '填写方式', '日期']);
    expect(header).toHaveLength(4 + questions.length);
    const data = rows.slice(HEADER_ROW);
    expect(data).toHaveLength(3);
    expect(data[0]!.slice(0, 4)).toEqual(['1', '和平里北社区', '链接填写', '2026-10-14']);
    expect(data[0]).toContain('飞线充电；噪声扰民');
    expect(data[0]).toContain('2分');
    expect(data[0]).toContain('楼道里电动车太多，建议增设集中充电棚。');
    expect(data[2]!.slice(0, 3)).toEqual(['3', '安定门社区', '律师录入']);
  });

  it(nameOfficeTest('opens in LibreOffice with its title and figures'), { timeout: CONVERSION_TIMEOUT_MS }, async () => {
    if (!hasOfficeTools) return;
    const pdfs = convertAndRead({ 'results.xlsx': await renderQuestionnaireResultsWorkbook(input) });
    const text = pdfOf(pdfs, 'results.xlsx').compact;
    expect(text).toContain('统计汇总');
    expect(text).toContain('和平里北社区');
    expect(text).toContain('66.7%');
  });
});
