import { beforeAll, describe, expect, it } from 'vitest';
import { type AdoptionRecordInput, renderAdoptionRecord } from './adoption-record';
import { CONVERSION_TIMEOUT_MS, convertAndRead, hasOfficeTools, nameOfficeTest, type PdfText, pdfOf, readWordText } from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const convention: AdoptionRecordInput = {
  clientName: '北京市东城区和平里街道办事处',
  communityName: '和平里北社区',
  title: '《和平里北社区居民公约》',
  instrument: 'residents_convention',
  matter: null,
  statusLabel: '已通过',
  openedBy: '张明（项目经理）',
  openedOn: '2026-11-05',
  notice: { from: '2026-11-05', to: '2026-11-14', location: '社区居委会公告栏、各楼门公示栏', round: 1 },
  links: { issued: 40, used: 2 },
  comments: [
    { round: 1, clause: '第十二条', body: '建议删除“罚款50元”的表述，公约不能设定罚款。', signedAs: '3号楼居民 王女士', submittedOn: '2026-11-07', answer: '已采纳：修改稿改为劝导、通报等自律措施。', answeredBy: '李律师' },
    { round: 1, clause: '', body: '希望增加关于楼道堆物的条款。', signedAs: '', submittedOn: '2026-11-09', answer: null, answeredBy: null },
  ],
  meetings: [
    { position: 1, heldOn: '2026-11-17', figures: { kind: 'residents', eligible: 640, attendees: 298, votesFor: 281, votesAgainst: 9, abstentions: 8 }, verdictLabel: '未达法定人数', explanation: '出席人数未过半数：应到 640 人，实到 298 人', note: '当晚降雨', recordedBy: '张明' },
    { position: 2, heldOn: '2026-11-25', figures: { kind: 'residents', eligible: 640, attendees: 402, votesFor: 371, votesAgainst: 18, abstentions: 13 }, verdictLabel: '通过', explanation: '出席 402 人，过半数；赞成 371 票，超过出席人数的半数', note: '', recordedBy: '张明' },
  ],
  filing: { filedOn: '2026-11-27', filedWith: '北京市东城区和平里街道办事处', filingNo: '和街备〔2026〕12号' },
  withdrawn: null,
  preparedBy: '北京市某某律师事务所',
  date: '2026-11-28',
};

const owners: AdoptionRecordInput = {
  ...convention,
  title: '《青年湖小区管理规约（修订）》',
  communityName: '青年湖社区',
  instrument: 'owners_rules',
  matter: 'ordinary',
  comments: [],
  links: { issued: 0, used: 0 },
  meetings: [{ position: 1, heldOn: '2026-11-20', figures: { kind: 'owners', totalArea: 48_236.57, totalOwners: 562, participatingArea: 35_102.4, participatingOwners: 431, areaFor: 29_870.15, ownersFor: 372 }, verdictLabel: '通过', explanation: '参与表决面积与人数均达三分之二', note: '', recordedBy: '张明' }],
  filing: null,
};

describe('renderAdoptionRecord', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['convention.docx'] = await renderAdoptionRecord(convention);
    documents['owners.docx'] = await renderAdoptionRecord(owners);
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['convention.docx']!);
  });

  it('puts the notice, each comment with its answer, each meeting’s figures and verdict, and the filing on record, in order', () => {
    const text = readWordText(documents['convention.docx']!);
    const order = ['民主程序记录', '一、基本情况', '二、公示情况', '收到意见 2 条', '三、居民意见及答复', '建议删除', '已采纳', '尚未答复', '四、居民会议表决', '第1次会议', '未达法定人数', '298 人', '第2次会议', '371 票', '五、备案情况', '和街备〔2026〕12号', '居民会议签到表'].map((fragment) => text.indexOf(fragment));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('匿名');
  });

  it('gives an owners’ decision its area and headcount shares and no filing step', () => {
    const text = readWordText(documents['owners.docx']!);
    expect(text).toContain('四、业主表决');
    expect(text).toContain('35,102.4 平方米');
    expect(text).toContain('72.77% / 76.69%（占全体）');
    expect(text).toContain('本程序不含备案环节');
    expect(text).toContain('公示期间未通过意见征集链接收到意见');
  });

  it.skipIf(!hasOfficeTools)(nameOfficeTest('opens in LibreOffice with every section on its pages'), () => {
    const pdf = pdfOf(pdfs, 'convention.docx');
    expect(pdf.compact).toContain('居民意见及答复');
    expect(pdf.compact).toContain('和街备〔2026〕12号');
    expect(pdf.compact).toContain('402人');
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
  });
});
