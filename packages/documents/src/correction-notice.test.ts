import { beforeAll, describe, expect, it } from 'vitest';
import { renderCorrectionNotice } from './correction-notice';
import { CLIENTS, correctionNoticeInput } from './testing/fixtures';
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

describe('renderCorrectionNotice', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['prefilled.docx'] = await renderCorrectionNotice(correctionNoticeInput('street'));
    documents['blank.docx'] = await renderCorrectionNotice({ client: CLIENTS.township, court: '北京市怀柔区人民法院' });
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['prefilled.docx'] ?? Buffer.alloc(0));
  });

  it('carries every element D.7 requires, in order', () => {
    const text = readWordText(documents['prefilled.docx'] ?? Buffer.alloc(0));
    const order = [
      '责令限期改正通知书',
      '京东和责改〔　　　〕第　　　号',
      '当事人：',
      '经查，你（单位）于　　年　　月　　日　　时许，在',
      '实施了占用、堵塞消防车通道的行为',
      '违反了《北京市物业管理条例》第七十八条第二款第（十）项的规定',
      '依据《中华人民共和国行政处罚法》第二十八条第一款和《北京市物业管理条例》第九十八条第（十）项的规定',
      '于　　年　　月　　日前',
      '清除堆放物品、移走车辆，恢复消防车通道畅通',
      '逾期不改正的，将依法对单位处五千元以上五万元以下罚款，对个人处五百元罚款【待核实】。',
      '六十日内向东城区人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）',
      '六个月内向＿＿＿＿＿＿＿＿人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）',
      '北京市东城区和平里街道办事处',
      '送达回证',
      '□直接送达　□留置送达　□邮寄送达　□委托送达　□公告送达',
      '受送达人签名或者盖章',
    ];
    // Each element is found after the one before it.
    let from = 0;
    for (const fragment of order) {
      const position = text.indexOf(fragment, from);
      expect(position, fragment).toBeGreaterThanOrEqual(from);
      from = position + fragment.length;
    }
  });

  it('leaves every case fact blank in the generic template', () => {
    const text = readWordText(documents['blank.docx'] ?? Buffer.alloc(0));
    expect(text).toContain('实施了＿＿＿＿＿＿＿＿＿＿＿＿（违法行为）的行为');
    expect(text).toContain('上述行为违反了＿＿＿＿＿＿＿＿＿＿＿＿＿＿的规定');
    expect(text).toContain('六十日内向怀柔区人民政府申请行政复议');
    expect(text).toContain('六个月内向北京市怀柔区人民法院提起行政诉讼');
    expect(text).not.toContain('待核实');
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the issuing body, the remedies, the seal line and the service receipt'),
    () => {
      const pdf = pdfOf(pdfs, 'prefilled.docx');
      expect(pdf.compact).toContain('北京市东城区和平里街道办事处责令限期改正通知书');
      expect(pdf.compact).toContain('申请行政复议');
      expect(pdf.compact).toContain('提起行政诉讼');
      expect(pdf.compact).toContain('年月日');
      expect(pdf.compact).toContain('送达回证');
      expect(pdf.compact).toContain('【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共1处）/);
      const blank = pdfOf(pdfs, 'blank.docx');
      expect(blank.compact).toContain('北京市怀柔区雁栖镇人民政府责令限期改正通知书');
      expect(blank.compact).not.toContain('待核实');
    },
  );
});
