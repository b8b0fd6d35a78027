import { beforeAll, describe, expect, it } from 'vitest';
import { JOINT_ENFORCEMENT_FORMS, renderJointEnforcementPlan } from './joint-enforcement-plan';
import { CLIENTS, DOCUMENT_DATE_TEXT, jointEnforcementPlanInput } from './testing/fixtures';
import {
  CONVERSION_TIMEOUT_MS,
  convertAndRead,
  hasOfficeTools,
  nameOfficeTest,
  type PdfText,
  pdfOf,
  readWordText,
} from './testing/office-files';
import { expectOfficialLayout } from './testing/official-layout';

const SECTIONS = [
  '一、工作依据',
  '二、组织领导',
  '三、职责分工',
  '四、工作流程',
  '五、重点治理问题',
  '六、信息共享、案件移送与证据移交',
  '七、监督考核',
  '八、附则',
];

describe('renderJointEnforcementPlan', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['street.docx'] = await renderJointEnforcementPlan(jointEnforcementPlanInput('street'));
    documents['township.docx'] = await renderJointEnforcementPlan({
      ...jointEnforcementPlanInput('township'),
      date: null,
      timeLimits: { reportHours: 12, urgentHours: 1, feedbackDays: 3 },
    });
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['street.docx'] ?? Buffer.alloc(0));
  });

  it('runs the workflow 发现 → 吹哨 → 报到 → 会商 → 联合执法 → 反馈 in order, with the time limits', () => {
    const lines = readWordText(documents['street.docx'] ?? Buffer.alloc(0)).split('\n');
    const steps = ['1.发现。', '2.吹哨。', '3.报到。', '4.会商。', '5.联合执法。', '6.反馈。'].map((step) =>
      lines.findIndex((line) => line.startsWith(step)),
    );
    expect(steps.every((position) => position > 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(lines[steps[2] ?? 0]).toContain('一般事项24小时内、紧急事项2小时内');
    expect(readWordText(documents['township.docx'] ?? Buffer.alloc(0))).toContain('一般事项12小时内、紧急事项1小时内');
  });

  it('lists the forms under 附件 and lays each out with blanks to fill in, the correction notice with its legal elements', () => {
    const text = readWordText(documents['street.docx'] ?? Buffer.alloc(0));
    expect(text).toContain(`附件：1.${JOINT_ENFORCEMENT_FORMS[0]}`);
    JOINT_ENFORCEMENT_FORMS.forEach((form, index) => expect(text).toContain(`附件${index + 1}\n${form}`));
    expect(text).toContain('和联哨〔　　〕　　号');
    expect(text).toMatch(/＿{10}：/);
    const notice = text.slice(text.indexOf(`附件5\n${JOINT_ENFORCEMENT_FORMS[4]}`));
    expect(notice).toContain('和联责改〔　　　〕第　　　号');
    expect(notice).toContain('依据《中华人民共和国行政处罚法》第二十八条第一款');
    expect(notice).toContain(`向${CLIENTS.street.district}人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）`);
    expect(notice).toContain('六个月内');
    expect(notice).toContain('送达回证');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the sections, the client, the forms and the 待核实 marks'),
    () => {
      const pdf = pdfOf(pdfs, 'street.docx');
      for (const section of SECTIONS) expect(pdf.compact).toContain(section);
      expect(pdf.compact).toContain('和平里街道与区有关职能部门社区治理联动执法方案');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toContain('《北京市街道办事处条例》第五条');
      expect(pdf.compact).toContain('已分别与区城市管理委、区消防救援支队、区住房城乡建设委座谈探讨');
      for (const form of JOINT_ENFORCEMENT_FORMS) expect(pdf.compact).toContain(form);
      expect(pdf.compact).toContain('对群租房开展联合清理。【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共2处）/);
      // Each form starts a page of its own.
      for (const index of [1, 2, 3, 4, 5]) expect(pdf.layout).toMatch(new RegExp(`\\f\\s*附件 ?${index}`));
    },
  );

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('cites the regulation by analogy and leaves the date blank for an undated township draft'),
    () => {
      const pdf = pdfOf(pdfs, 'township.docx');
      expect(pdf.compact).toContain('雁栖镇与区有关职能部门社区治理联动执法方案');
      expect(pdf.compact).toContain('《北京市街道办事处条例》（依该条例第四十九条参照适用）第五条');
      expect(pdf.compact).toContain('乡镇综合行政执法队');
      expect(pdf.compact).toContain('北京市怀柔区雁栖镇人民政府年月日');
    },
  );
});
