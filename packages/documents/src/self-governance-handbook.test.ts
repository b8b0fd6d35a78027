import { beforeAll, describe, expect, it } from 'vitest';
import { HANDBOOK_FORMS, renderSelfGovernanceHandbook } from './self-governance-handbook';
import { CLIENTS, communityNames, DOCUMENT_DATE_TEXT, handbookInput } from './testing/fixtures';
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

const CHAPTERS = [
  '总则',
  '社区概况与组织架构',
  '居民的权利和义务',
  '民主选举',
  '民主决策',
  '民主管理',
  '民主监督',
  '问题处置流程',
  '矛盾纠纷调解',
  '附则',
];

describe('renderSelfGovernanceHandbook', () => {
  const documents: Record<string, Buffer> = {};
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['street.docx'] = await renderSelfGovernanceHandbook(handbookInput('street'));
    documents['township.docx'] = await renderSelfGovernanceHandbook({
      ...handbookInput('township', 1),
      adoptedOn: '2026-12-18',
    });
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS);

  it('is laid out per GB/T 9704', () => {
    expectOfficialLayout(documents['street.docx'] ?? Buffer.alloc(0));
  });

  it('has the chapters in order, the four democracy modules among them, and articles numbered across chapters', () => {
    const lines = readWordText(documents['street.docx'] ?? Buffer.alloc(0)).split('\n');
    const chapters = lines
      .filter((line) => /^第[一二三四五六七八九十]+章　/.test(line))
      .map((line) => line.replace(/^第.+章　/, ''));
    expect(chapters).toEqual(CHAPTERS);
    const articles = lines
      .filter((line) => /^第[一二三四五六七八九十]+条/.test(line))
      .map((line) => /^第(.+?)条/.exec(line)?.[1]);
    expect(articles[0]).toBe('一');
    expect(new Set(articles).size).toBe(articles.length);
  });

  it('puts the community under its Party organisation, guides the owners’ bodies and binds staff by contract', () => {
    const text = readWordText(documents['street.docx'] ?? Buffer.alloc(0));
    expect(text).toContain('中共和平里北社区委员会是社区各类组织和各项工作的领导核心');
    expect(text).toContain('履行对业主大会、业主委员会（物业管理委员会）和物业服务企业的指导和监督职责');
    expect(text).toContain('签订《居民委员会工作人员履职承诺书》');
    expect(text).toContain('应当依照承诺书的约定予以赔偿');
    expect(text).toContain('《中华人民共和国民法典》第一千一百九十一条');
    // The sub-committees it has, its findings as one numbered article, each member with their post.
    expect(text).toContain('居民委员会下设人民调解委员会、治安保卫委员会、公共卫生委员会、环境和物业管理委员会，分工负责相关工作');
    expect(text).toMatch(/第[一二三四五六七八九十]+条　经调研，本社区治理需重点关注以下情况：（一）老旧小区占比高/);
    expect(text).toMatch(/（成员：[^（）]+（[^（）]+）、/);
    // Custom rules land in their module's chapter.
    const management = text.indexOf('第六章　民主管理');
    const oversight = text.indexOf('第七章　民主监督');
    const custom = text.indexOf('和平里三区公共停车位');
    expect(custom).toBeGreaterThan(management);
    expect(custom).toBeLessThan(oversight);
  });

  it('attaches the forms', () => {
    const text = readWordText(documents['street.docx'] ?? Buffer.alloc(0));
    HANDBOOK_FORMS.forEach((form, index) => expect(text).toContain(`附件${index + 1}\n${form}`));
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens in LibreOffice with the chapters, the community, the client and the 待核实 marks'),
    () => {
      const pdf = pdfOf(pdfs, 'street.docx');
      for (const chapter of CHAPTERS) expect(pdf.compact).toContain(chapter);
      expect(pdf.compact).toContain('和平里北社区规范管理自治手册');
      expect(pdf.compact).toContain('（草案）');
      expect(pdf.compact).toContain(CLIENTS.street.name);
      expect(pdf.compact).toContain(DOCUMENT_DATE_TEXT);
      expect(pdf.compact).toContain('其中疑似群租约20套。【待核实】');
      expect(pdf.compact).toContain('每季度公示。【待核实】');
      expect(pdf.compact).toContain('第一千一百九十一条向其追偿。【待核实】');
      expect(pdf.compact).toMatch(/标注“【待核实】”的内容（共4处）/);
      expect(pdf.compact).toContain('制定程序提示');
      for (const form of HANDBOOK_FORMS) expect(pdf.compact).toContain(form);
    },
  );

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('files an adopted township handbook with the 乡镇人民政府 and drops the draft notes'),
    () => {
      const pdf = pdfOf(pdfs, 'township.docx');
      const community = communityNames('township', 2)[1] ?? '';
      expect(pdf.compact).toContain(`${community}规范管理自治手册`);
      expect(pdf.compact).toContain('（2026年12月18日居民会议通过）');
      expect(pdf.compact).toContain(
        `居民会议于2026年12月18日讨论通过，自通过之日起施行，并报${CLIENTS.township.name}备案`,
      );
      expect(pdf.compact).toContain('由雁栖镇组建物业管理委员会');
      expect(pdf.compact).toContain('乡镇综合行政执法队');
      expect(pdf.compact).not.toContain('制定程序提示');
    },
  );
});
