import ExcelJS from 'exceljs';
import { type Answers, type CivilDate, type Question, summarizeResponses } from '@gongzhi/domain';
import { formatChineseDate, formatPercent, instantOfCivilDate } from './chinese-text';
import { addDataRow, addNotesSheet, addTableSheet, estimateRowHeight, type SheetColumn } from './xlsx-layout';

export const RESULTS_SHEET = '统计汇总';
export const RESPONSES_SHEET = '答卷明细';
export const RESULTS_NOTES_SHEET = '说明';

export interface QuestionnaireResponseRow {
  /** The community's name, or the street's for a response that names none. */
  community: string;
  /** 链接填写 or 律师录入. */
  source: string;
  /** The day it was answered (a lawyer's entry) or submitted (a link). */
  answeredOn: CivilDate;
  answers: Answers;
}

/** 调查问卷结果 as a workbook: counts per question overall and per community, then every response. */
export interface QuestionnaireResultsInput {
  title: string;
  /** 居民代表、业主委员会 */
  audience: string;
  version: number;
  clientName: string;
  preparedBy: string;
  date: CivilDate;
  /** Column order of the per-community counts. */
  communities: string[];
  questions: Question[];
  responses: QuestionnaireResponseRow[];
}

const answerText = (question: Question, answer: Answers[string] | undefined): string => {
  if (answer === undefined || answer === null) return '';
  if (Array.isArray(answer)) return answer.join('；');
  if (typeof answer === 'number') return question.type === 'scale' ? `${answer}分` : String(answer);
  return String(answer);
};

/**
 * The results of one questionnaire for the lawyer's own analysis and the client's files: sheet
 * 统计汇总 has a row per option (a scale's per score, then its mean) with the count and share overall
 * and the count per community; 答卷明细 has a row per response with every answer; 说明 says what the
 * figures count. Text answers are in the detail sheet only.
 */
export async function renderQuestionnaireResultsWorkbook(input: QuestionnaireResultsInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.preparedBy;
  workbook.created = instantOfCivilDate(input.date);
  workbook.title = input.title;

  // Results per community, keyed by name (the summary speaks of names, not ids).
  const overall = summarizeResponses(input.questions, input.responses.map((row) => ({ communityId: row.community, answers: row.answers })));
  const communities = input.communities.filter((name) => overall.byCommunity.some((row) => row.communityId === name));
  for (const row of overall.byCommunity) if (row.communityId !== null && !communities.includes(row.communityId)) communities.push(row.communityId);

  const summaryColumns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '题目', width: 34 },
    { header: '选项', width: 24 },
    { header: '人数', width: 7 },
    { header: '比例', width: 8 },
    ...communities.map((name) => ({ header: name, width: Math.max(8, Math.min(14, name.length * 2 + 2)) })),
  ];
  const subtitle = `${input.clientName} · 调查对象：${input.audience} · 第${input.version}版 · 共${input.responses.length}份答卷 · ${input.preparedBy}${formatChineseDate(input.date)}导出`;
  const summary = addTableSheet(workbook, { name: RESULTS_SHEET, title: `${input.title}统计汇总`, subtitle, columns: summaryColumns });
  /** Figures as numbers, right-aligned (Excel sums and sorts them); 序号 and 题目 merged down a question's rows. */
  const finishQuestion = (rows: ExcelJS.Row[], question: string) => {
    for (const row of rows) {
      for (let column = 4; column <= summaryColumns.length; column += 1) {
        const cell = row.getCell(column);
        const text = typeof cell.value === 'string' ? cell.value : '';
        if (/^\d+(\.\d+)?$/.test(text)) cell.value = Number(text);
        cell.alignment = { vertical: 'top', horizontal: 'right' };
      }
    }
    if (rows.length < 2) return;
    const [first, last] = [rows[0]!, rows[rows.length - 1]!];
    summary.mergeCells(first.number, 1, last.number, 1);
    summary.mergeCells(first.number, 2, last.number, 2);
    // The question's text now spans the rows: each row as tall as its own cells, the question spread over them.
    const own = rows.map((row) => estimateRowHeight(summaryColumns.slice(2).map((column, index) => ({ text: String(row.getCell(index + 3).value ?? ''), width: column.width }))));
    const needed = estimateRowHeight([{ text: question, width: summaryColumns[1]!.width }]);
    const spare = Math.max(0, needed - own.reduce((sum, height) => sum + height, 0));
    rows.forEach((row, index) => (row.height = own[index]! + spare / rows.length));
  };
  overall.questions.forEach((result, index) => {
    const question = input.questions.find((candidate) => candidate.key === result.key)!;
    const number = String(index + 1);
    if (result.type === 'text') {
      finishQuestion([addDataRow(summary, summaryColumns, [number, question.text, `文字回答${result.answered}条，见“${RESPONSES_SHEET}”`, String(result.answered), '', ...communities.map(() => '')])], question.text);
      return;
    }
    const base = result.type === 'multiple' ? `（多选，${result.answered}人作答）` : `（${result.answered}人作答）`;
    const rows: ExcelJS.Row[] = [];
    result.counts.forEach((count) => {
      const perCommunity = communities.map((name) => String(result.byCommunity.find((row) => row.communityId === name)?.counts.find((entry) => entry.option === count.option)?.count ?? 0));
      rows.push(addDataRow(summary, summaryColumns, [
        number,
        `${question.text}${base}`,
        result.type === 'scale' ? `${count.option}分` : count.option,
        String(count.count),
        result.answered > 0 ? formatPercent(count.count, result.answered) : '',
        ...perCommunity,
      ]));
    });
    if (result.type === 'scale') {
      rows.push(addDataRow(summary, summaryColumns, [number, `${question.text}${base}`, `平均分（满分${result.points}分）`, result.mean === null ? '' : String(result.mean), '', ...communities.map((name) => String(result.byCommunity.find((row) => row.communityId === name)?.mean ?? ''))]));
    }
    finishQuestion(rows, `${question.text}${base}`);
  });

  const detailColumns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '社区', width: 14 },
    { header: '填写方式', width: 9 },
    { header: '日期', width: 12 },
    ...input.questions.map((question) => ({ header: question.text, width: question.type === 'text' ? 30 : question.type === 'multiple' ? 22 : 12 })),
  ];
  const detail = addTableSheet(workbook, { name: RESPONSES_SHEET, title: `${input.title}答卷明细`, subtitle, columns: detailColumns });
  input.responses.forEach((row, index) => {
    addDataRow(detail, detailColumns, [String(index + 1), row.community, row.source, row.answeredOn, ...input.questions.map((question) => answerText(question, row.answers[question.key]))]);
  });

  addNotesSheet(workbook, RESULTS_NOTES_SHEET, [
    ['问卷', `${input.title}（第${input.version}版）`],
    ['调查对象', input.audience],
    ['答卷', `共${input.responses.length}份：链接填写${input.responses.filter((row) => row.source === '链接填写').length}份，律师录入${input.responses.filter((row) => row.source === '律师录入').length}份。`],
    ['统计口径', '“人数”为选择该项的答卷数；“比例”为选择该项的答卷数占该题作答答卷数的比例，多选题各项比例之和可超过100%。早期版本的答卷按与本版相同的题目计入。'],
    ['匿名', '通过链接填写的答卷不记录填写人身份；律师录入的答卷按纸质问卷或访谈记录录入。'],
    ['导出', `${input.preparedBy}，${formatChineseDate(input.date)}`],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
