import { laws, violationEntries } from '@gongzhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CaseReferralInput, renderCaseReferral } from './case-referral';
import { caseReferralViolationFromKnowledge } from './from-knowledge';
import { CLIENTS } from './testing/fixtures';
import { CONVERSION_TIMEOUT_MS, convertAndRead, hasOfficeTools, nameOfficeTest, type PdfText, pdfOf, readWordText } from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const fireLane = violationEntries.find((entry) => entry.key === 'fire-lane-obstruction')!;

const input: CaseReferralInput = {
  client: CLIENTS.street,
  department: '和平里街道综合行政执法队',
  date: '2026-11-16',
  communityName: '青年湖社区',
  place: '青年湖西里小区南门消防通道',
  title: '小区南门消防通道被私家车长期占用',
  description: '南门消防通道夜间常有私家车停放，消防车无法通行。',
  foundOn: '2026-10-12',
  history: [
    { on: '2026-10-13', what: '发布倡议书/公开信', detail: '通过楼门张贴、居民微信群发布' },
    { on: '2026-10-20', what: '按居民公约处理', detail: '依据青年湖社区居民公约第九条：居委会约谈车主' },
    { on: '2026-10-22', what: '矛盾纠纷调解', detail: '车主与相邻住户，未达成调解协议' },
  ],
  violation: caseReferralViolationFromKnowledge(fireLane, laws, 'street'),
  acceptDays: 3,
  replyDays: 15,
};

describe('renderCaseReferral', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['referral.docx'] = await renderCaseReferral(input);
    documents['direct.docx'] = await renderCaseReferral({ ...input, history: [], violation: null, isRepeat: true });
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['referral.docx']!);
  });

  it('states the facts, the tiers tried, the provisions and enforcer from the catalogue, the time limits, then the steps and the receipt', () => {
    const lines = readWordText(documents['referral.docx']!).split('\n');
    const indexOf = (fragment: string) => lines.findIndex((line) => line.includes(fragment));
    const order = [
      indexOf('案件移送函'),
      indexOf('和平里街道移〔2026〕'),
      indexOf('和平里街道综合行政执法队：'),
      indexOf('于2026年10月12日发现青年湖社区青年湖西里小区南门消防通道存在以下问题：小区南门消防通道被私家车长期占用。'),
      indexOf('先行处理（经过见附表），问题仍未解决'),
      indexOf('《中华人民共和国消防法》第二十八条'),
      indexOf('执法主体为：区消防救援支队'),
      indexOf('联动执法方案》关于案件移送的规定'),
      indexOf('3个工作日内将受理情况书面反馈'),
      indexOf('随案移送的材料'),
      lines.lastIndexOf('北京市东城区和平里街道办事处'),
      indexOf('附表　前置处理经过'),
      indexOf('依据青年湖社区居民公约第九条'),
      indexOf('案件移送回执'),
    ];
    expect(order.every((position) => position >= 0), JSON.stringify(order)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The fire-code article is known only from a reprint: flagged.
    expect(lines.join('')).toContain('【待核实】');
  });

  it('leaves the provisions blank outside the catalogue and says a repeat referral is one', () => {
    const text = readWordText(documents['direct.docx']!);
    expect(text).toContain('未经前置处理直接移送；本案曾移送处理，现再次移送');
    expect(text).not.toContain('附表');
    expect(text).toContain('经初步核查，该行为涉嫌违反');
  });

  it.skipIf(!hasOfficeTools)(nameOfficeTest('opens in LibreOffice with the department, the limits and the 待核实 note'), () => {
    const pdf = pdfOf(pdfs, 'referral.docx');
    expect(pdf.compact).toContain('案件移送函');
    expect(pdf.compact).toContain('和平里街道综合行政执法队：');
    expect(pdf.compact).toContain('受理后15个工作日内反馈处理结果');
    expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共\d+处）/);
  });
});
