import ExcelJS from 'exceljs';
import {
  type CommunityProfileDetails,
  documentTemplates,
  type Law,
  laws,
  type Power,
  powers,
  type Provision,
  type ViolationEntry,
  violationEntries,
} from '@gongzhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeLawVersion,
  type DocumentKnowledge,
  documentTemplateEntriesFromKnowledge,
  jointEnforcementPlanInputFromKnowledge,
  lawCompilationInputFromKnowledge,
  openLetterInputFromKnowledge,
  caseLetterInputFromKnowledge,
  selfGovernanceHandbookInputFromKnowledge,
  lawReferencesFromKnowledge,
  partyRolesFor,
  powerEntriesFromKnowledge,
  powersHeldBy,
  powersManualInputFromKnowledge,
  powersTableInputFromKnowledge,
  problemGuidesFromKnowledge,
  violationsListInputFromKnowledge,
} from './from-knowledge';
import { renderJointEnforcementPlan } from './joint-enforcement-plan';
import { renderLawCompilation } from './law-compilation';
import { renderOpenLetter } from './open-letter';
import { LAW_LEVELS } from './law-references';
import { renderPowersManual } from './powers-manual';
import { renderPowersTable } from './powers-table';
import { renderPowersTableWorkbook } from './powers-table-workbook';
import { renderSelfGovernanceHandbook } from './self-governance-handbook';
import { CLIENTS, DOCUMENT_DATE, FIRM } from './testing/fixtures';
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
import { isUnverifiedText, textOf, UNVERIFIED_MARK, type VerifiableText } from './unverified';
import { renderViolationsList, VIOLATIONS_SHEET } from './violations-list';

const knowledge: DocumentKnowledge = { laws, violations: violationEntries, powers, templates: documentTemplates };
const request = (variant: 'street' | 'township', copy: DocumentKnowledge = knowledge) => ({
  client: CLIENTS[variant],
  preparedBy: FIRM,
  date: DOCUMENT_DATE,
  knowledge: copy,
});

function lawByKey(key: string): Law {
  const law = laws.find((candidate) => candidate.key === key);
  if (!law) throw new Error(`no law ${key} in the built-in knowledge`);
  return law;
}

// ---- What the knowledge cites, to check that no document invents an article.

const NUMERALS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二百九十一 → 291, 十五 → 15, 一千二百五十 → 1250. */
function parseChineseNumeral(text: string): number {
  let total = 0;
  let digit = 0;
  for (const character of text) {
    const unit = UNITS[character];
    if (unit === undefined) digit = NUMERALS[character] ?? Number.NaN;
    else {
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

const ARTICLE = /第([零一二三四五六七八九十百千]+)条/g;

function articleNumbers(text: string): number[] {
  return [...text.matchAll(ARTICLE)].map((match) => parseChineseNumeral(match[1] ?? ''));
}

function allProvisions(): Provision[] {
  return [
    ...violationEntries.flatMap((entry) => [
      ...entry.prohibitions,
      ...entry.penalties,
      ...entry.related,
      ...(entry.coercion?.basis ?? []),
      ...entry.reporters.flatMap((reporter) => (reporter.basis ? [reporter.basis] : [])),
    ]),
    ...powers.flatMap((power) => power.legalBasis),
    ...documentTemplates.flatMap((template) => template.legalBasis),
  ];
}

/** Law title → every article number the knowledge excerpts or cites for it (runs included). */
const articlesByTitle = new Map<string, Set<number>>();
for (const law of laws) {
  const numbers = new Set<number>();
  const add = (from: number, to = from) => {
    for (let article = from; article <= to; article += 1) numbers.add(article);
  };
  for (const excerpt of law.excerpts) add(excerpt.article, excerpt.articleTo);
  for (const provision of allProvisions())
    if (provision.lawKey === law.key && provision.article !== undefined) add(provision.article, provision.articleTo);
  articlesByTitle.set(law.title, numbers);
}
/** Every article number the knowledge mentions anywhere, in its structure or its text. */
const knownArticles = new Set<number>([
  ...[...articlesByTitle.values()].flatMap((numbers) => [...numbers]),
  ...articleNumbers(JSON.stringify(knowledge)),
]);

/**
 * Every 第N条 a text shows is one the knowledge has; and after a 《title》 of a knowledge law, the
 * articles up to the next stop are that law's (a summary's own references run to the global check).
 */
function expectOnlyKnownArticles(text: string): void {
  const unknown = articleNumbers(text).filter((article) => !knownArticles.has(article));
  expect(unknown).toEqual([]);
  for (const match of text.matchAll(/《([^》]+)》([^。；，\n（《]*)/g)) {
    const [, title = '', tail = ''] = match;
    const cited = articleNumbers(tail);
    if (cited.length === 0) continue;
    const ofLaw = articlesByTitle.get(title);
    expect(ofLaw, `${title} is cited with articles but is not a knowledge law`).toBeDefined();
    expect(
      cited.filter((article) => !ofLaw?.has(article)),
      `${title}${tail}`,
    ).toEqual([]);
  }
}

describe('the article check these tests rely on', () => {
  it('catches an article nobody cites and an article of another law', () => {
    expect(() => expectOnlyKnownArticles('《中华人民共和国民法典》第九百九十九条')).toThrow();
    expect(() => expectOnlyKnownArticles('依照《中华人民共和国民法典》第二十八条。')).toThrow();
    expect(() => expectOnlyKnownArticles('依照《中华人民共和国行政处罚法》第二十八条。')).not.toThrow();
  });
});

function flaggedTexts(items: readonly VerifiableText[]): string[] {
  return items.filter(isUnverifiedText).map(textOf);
}

// ---- The mappers

describe('lawReferencesFromKnowledge', () => {
  const references = lawReferencesFromKnowledge(laws);
  const byName = (name: string) => {
    const reference = references.find((candidate) => candidate.name === name);
    if (!reference) throw new Error(`no reference ${name}`);
    return reference;
  };

  it('lists every law once, on the documents’ levels', () => {
    expect(references.map((reference) => reference.name)).toEqual(laws.map((law) => law.title));
    for (const reference of references) expect(LAW_LEVELS).toContain(reference.level);
    expect(byName('北京市环境噪声污染防治办法').level).toBe('地方政府规章');
    expect(byName('住宅室内装饰装修管理办法').level).toBe('部门规章');
    expect(byName('中共中央 国务院关于加强和完善城乡社区治理的意见').level).toBe('政策文件');
    expect(byName('北京市物业管理条例').level).toBe('地方性法规');
  });

  it('writes the version from the dates, in time order, in Chinese', () => {
    expect(byName('中华人民共和国民法典').version).toBe('2020年5月28日通过，2021年1月1日起施行');
    expect(byName('中华人民共和国行政处罚法').version).toBe(
      '1996年3月17日通过，2009年8月27日、2017年9月1日修改，2021年1月22日修订',
    );
    expect(byName('中华人民共和国治安管理处罚法').version).toBe(
      '2005年8月28日通过，2012年10月26日修改，2025年6月27日修订，2026年1月1日起施行',
    );
    expect(byName('北京市物业管理条例').version).toBe('2020年3月27日通过，2020年5月1日起施行，2024年3月29日修正');
    // A label without a day is kept where it belongs; one that says more than the dates is kept too.
    expect(byName('北京市消防条例').version).toBe('2025年修订，2025年5月1日起施行');
    expect(byName('中华人民共和国刑法').version).toBe('1979年7月1日通过，1997年3月14日修订及其后历次修正案');
    expect(describeLawVersion(lawByKey('bj-household-waste-regulations'))).toBe(
      '2011年11月18日通过，2019年11月27日修改（2020年施行文本）',
    );
    // Documents lead with their number; without dates the label stands.
    expect(byName('北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定').version).toBe(
      '京政发〔2020〕9号，2020年4月16日公布，2020年7月1日起施行',
    );
    expect(byName('北京市住房租赁条例').version).toBe('现行文本待核实');
  });

  it('formats the excerpts’ articles as statutes number them, flagging what the knowledge flags', () => {
    const civilCode = byName('中华人民共和国民法典');
    const labels = (civilCode.articles ?? []).map((article) => article.article);
    expect(labels).toContain('第二百七十八条');
    expect(labels).toContain('第一千二百四十五条至第一千二百五十条');
    expect(labels.indexOf('第二百七十八条')).toBeLessThan(labels.indexOf('第一千二百五十四条'));
    expect(byName('中华人民共和国刑法').articles?.map((article) => article.article)).toEqual(['第二百九十一条之二']);
    const fire = byName('北京市消防条例').articles ?? [];
    expect(fire.map((article) => article.article)).toEqual(['第九十七条', '第一百零二条']);
    expect(fire.every((article) => isUnverifiedText(article.summary))).toBe(true);
    expect(isUnverifiedText(civilCode.articles?.[0]?.summary ?? '')).toBe(false);
    // An unverified law is flagged as a whole, and an issuer the sources lack is left out.
    const notice = byName('2023年5月26日房屋承重结构安全紧急通知');
    expect(notice.isUnverified).toBe(true);
    expect(notice.issuer).toBeUndefined();
    expect(civilCode.isUnverified).toBeUndefined();
  });

  it('keeps only the laws a set of powers or violations cites', () => {
    const power = powers.find((candidate) => candidate.key === 'property-contract-filing-penalty')!;
    expect(lawReferencesFromKnowledge(laws, { onlyCitedBy: { powers: [power] } }).map((law) => law.name)).toEqual([
      '北京市物业管理条例',
    ]);
    const cited = lawReferencesFromKnowledge(laws, { onlyCitedBy: knowledge }).map((law) => law.name);
    expect(cited).toContain('中华人民共和国治安管理处罚法');
    // Named only in a power's notes, never cited as a provision.
    expect(cited).not.toContain('北京市物业管理委员会组建办法');
  });

  it('adds the cited articles the excerpts lack, flagged, and no others', () => {
    const references = lawReferencesFromKnowledge(laws, { listArticlesCitedBy: knowledge });
    const tobacco = references.find((reference) => reference.name === '北京市控制吸烟条例')!;
    expect(tobacco.articles?.map((article) => article.article)).toEqual(['第二十四条', '第二十五条']);
    expect(tobacco.articles?.every((article) => isUnverifiedText(article.summary))).toBe(true);
    // An excerpt of the whole run speaks for each article of it: no duplicate for 第三十四条.
    const waste = references.find((reference) => reference.name === '北京市生活垃圾管理条例')!;
    expect(waste.articles?.map((article) => article.article)).not.toContain('第三十四条');
    for (const reference of references)
      expectOnlyKnownArticles(
        (reference.articles ?? []).map((article) => `《${reference.name}》${article.article}`).join('\n'),
      );
  });
});

describe('powerEntriesFromKnowledge', () => {
  const entries = powerEntriesFromKnowledge(powers, documentTemplates, laws);

  it('maps each power: title, category, implementer, citations per law, steps, template titles, step names', () => {
    expect(entries.map((entry) => entry.title)).toEqual(powers.map((power) => power.title));
    const whistle = entries[powers.findIndex((power) => power.key === 'joint-enforcement-whistle')]!;
    expect(whistle.category).toBe('其他');
    expect(whistle.implementer).toBe('街道办事处、乡镇人民政府');
    expect(whistle.legalBasis).toEqual([
      '《北京市街道办事处条例》第五条、第十一条、第二十六条、第四十四条、第四十九条',
      '《北京市接诉即办工作条例》第二条',
    ]);
    expect(whistle.templates).toEqual(['吹哨报到通知', '联动执法案件移送函']);
    expect(whistle.summary).toBe('发现问题→吹哨→报到→会商→联合执法→反馈→考评');
    const filing = entries[powers.findIndex((power) => power.key === 'owners-body-filing')]!;
    expect(filing.category).toBe('其他');
    const penalty = entries[powers.findIndex((power) => power.key === 'property-contract-filing-penalty')]!;
    expect(penalty.category).toBe('行政处罚');
    expect(penalty.steps).toEqual(powers.find((power) => power.key === 'property-contract-filing-penalty')!.process);
  });

  it('flags a delegation that rests on 京政发〔2020〕9号 and words it for the client', () => {
    const street = powerEntriesFromKnowledge(powers, documentTemplates, laws, { clientKind: 'street' });
    const index = powers.findIndex((power) => power.key === 'urban-illegal-construction-enforcement');
    expect(street[index]!.implementer).toBe('街道办事处（街道综合行政执法队）');
    expect(flaggedTexts(street[index]!.legalBasis)).toEqual([
      '本项职权所涉具体事项是否已依京政发〔2020〕9号下放本街道行使、是否区街共有，须对照该决定附件及本区划分决定逐项核实',
    ]);
    // A statute gives 接诉即办 to the client itself: nothing to flag, and 本街道（乡镇） reads 本街道.
    const hotline = street[powers.findIndex((power) => power.key === 'complaint-handling')]!;
    expect(flaggedTexts(hotline.legalBasis)).toEqual([]);
    expect(hotline.steps.map(textOf).join()).toContain('属于本街道职责范围');
  });

  it('flags a power resting on an unverified provision, on that citation only', () => {
    const edited: Power[] = powers.map((power) =>
      power.key === 'grid-management'
        ? { ...power, legalBasis: [{ ...power.legalBasis[0]!, unverified: true }], unverified: true }
        : power,
    );
    const grid = powerEntriesFromKnowledge(edited, documentTemplates, laws)[
      powers.findIndex((power) => power.key === 'grid-management')
    ]!;
    expect(grid.legalBasis).toEqual([{ text: '《北京市街道办事处条例》第二十四条', isUnverified: true }]);
  });

  it('refuses a power using a template the knowledge lacks', () => {
    expect(() => powerEntriesFromKnowledge(powers, [], laws)).toThrow(/unknown template/);
  });

  it('gives a street office and a township the powers each holds', () => {
    const street = powersHeldBy(powers, 'street').map((power) => power.key);
    const township = powersHeldBy(powers, 'township').map((power) => power.key);
    expect(street).not.toContain('rural-illegal-construction-enforcement');
    expect(township).toContain('rural-illegal-construction-enforcement');
    expect(township).not.toContain('grid-management');
  });
});

describe('problemGuidesFromKnowledge', () => {
  const guides = problemGuidesFromKnowledge(violationEntries, laws, powers, { clientKind: 'street' });
  const guideOf = (key: string) => guides[violationEntries.findIndex((entry) => entry.key === key)]!;

  it('gives one guide per catalogue item, titled as the catalogue titles it', () => {
    expect(guides.map((guide) => guide.problem)).toEqual(violationEntries.map((entry) => entry.title));
  });

  it('states who reports, who deals with it and what applies, each from the knowledge', () => {
    const fireLane = guideOf('fire-lane-obstruction');
    expect(fireLane.enforcer).toBe('区消防救援支队（消防救援机构）；日常消防监督检查：公安派出所');
    const steps = fireLane.steps.map(textOf);
    expect(steps[0]).toContain('（《北京市物业管理条例》第七十八条第三款）');
    expect(steps).toContain(
      '移送：本事项不由街道办事处查处。发现或者接到报告后予以劝阻、制止，通知执法主体查处并移交证据材料；涉及多部门的，组织联合执法。',
    );
    expect(steps.some((step) => step.startsWith('适用职权：劝阻、制止违法行为并通知职能部门查处'))).toBe(true);
    // The 2025 fire regulation's article numbers rest on a reprint: that citation, and the penalty, are flagged.
    expect(flaggedTexts(fireLane.legalBasis)).toEqual(['《北京市消防条例》第一百零二条']);
    expect(fireLane.legalBasis).toContain('《中华人民共和国消防法》第二十八条、第六十条');
    expect(isUnverifiedText(fireLane.steps.find((step) => textOf(step).startsWith('处罚：'))!)).toBe(true);
  });

  it('flags an enforcer the knowledge doubts and a delegation still to check, worded for the client', () => {
    const fumes = guideOf('cooking-fumes');
    expect(fumes.enforcer).toEqual({ text: '街道综合行政执法队；区生态环境局', isUnverified: true });
    const delegation = fumes.steps.find((step) => textOf(step).startsWith('查处：列入京政发'))!;
    expect(isUnverifiedText(delegation)).toBe(true);
    expect(textOf(delegation)).toContain('由街道综合行政执法队依法查处');
    // 业主大会、业主委员会的违法决定: the 街乡's own statutory power, nothing flagged.
    const owners = guideOf('unlawful-owners-decisions');
    expect(flaggedTexts([owners.enforcer, ...owners.steps, ...owners.legalBasis])).toEqual([]);
    expect(owners.enforcer).toBe('街道办事处');
  });

  it('lists no powers when none are given', () => {
    const bare = problemGuidesFromKnowledge(violationEntries, laws);
    expect(bare.flatMap((guide) => guide.steps.map(textOf)).some((step) => step.startsWith('适用职权'))).toBe(false);
  });
});

describe('documentTemplateEntriesFromKnowledge', () => {
  it('cites each template’s provisions and flags the ones whose elements are drafting practice', () => {
    const entries = documentTemplateEntriesFromKnowledge(documentTemplates, laws);
    expect(entries.map((entry) => entry.name)).toEqual(documentTemplates.map((template) => template.title));
    const order = entries.find((entry) => entry.name === '责令限期改正通知书')!;
    expect(order.legalBasis).toBe(
      '《中华人民共和国行政处罚法》第二十八条；《中华人民共和国行政复议法》第二十条；《中华人民共和国行政诉讼法》第四十六条',
    );
    expect(entries.find((entry) => entry.name === '立案审批表')!.legalBasis).toEqual({
      text: '文书要素待核对',
      isUnverified: true,
    });
    documentTemplates.forEach((template, index) => {
      const basis = entries[index]!.legalBasis;
      expect(basis !== undefined && isUnverifiedText(basis)).toBe(template.unverified);
    });
  });
});

describe('partyRolesFor', () => {
  it('names the five standard parties, each duty an excerpt of the knowledge, cited', () => {
    const roles = partyRolesFor(CLIENTS.street, laws);
    expect(roles.map((role) => role.party)).toEqual([
      '街道办事处',
      '居民委员会',
      '业主委员会（物业管理委员会）',
      '物业服务人',
      '区有关职能部门',
    ]);
    const excerpts = laws.flatMap((law) => law.excerpts.map((excerpt) => excerpt.summary.replace(/。$/, '')));
    for (const role of roles) {
      expect(role.role.length).toBeGreaterThan(0);
      for (const line of role.role) {
        const text = textOf(line);
        expect(text).toMatch(/（《[^》]+》第[^）]+条[^）]*）。$/);
        expect(excerpts).toContain(text.replace(/（《[^）]+）。$/, ''));
        expectOnlyKnownArticles(text);
      }
    }
    expect(textOf(roles[0]!.role[0]!)).toBe('街道办事处是区人民政府的派出机关（《北京市街道办事处条例》第三条）。');
  });

  it('gives a township the regulation by analogy and its own 乡村 planning duty', () => {
    const roles = partyRolesFor(CLIENTS.township, laws);
    expect(roles[0]!.party).toBe('乡镇人民政府');
    expect(textOf(roles[0]!.role[0]!)).toContain('可以参照本条例执行（《北京市街道办事处条例》第四十九条）');
    expect(roles[0]!.role.map(textOf).join()).toContain('由乡、镇人民政府负责');
    expect(roles[0]!.role.map(textOf).join()).not.toContain('派出机关');
  });

  it('falls back to a flagged generic line where the engagement’s copy lacks the sources', () => {
    const roles = partyRolesFor(CLIENTS.street, []);
    for (const role of roles)
      expect(role.role).toEqual([{ text: `${role.party}的职责，依照有关法律法规确定。`, isUnverified: true }]);
  });
});

// ---- Whole documents from the real knowledge

describe('documents generated from the built-in knowledge', () => {
  const documents: Record<string, Buffer> = {};
  let workbook: ExcelJS.Workbook;
  let pdfs: Map<string, PdfText>;

  beforeAll(async () => {
    documents['manual-street.docx'] = await renderPowersManual(powersManualInputFromKnowledge(request('street')));
    documents['manual-township.docx'] = await renderPowersManual(powersManualInputFromKnowledge(request('township')));
    documents['compilation.docx'] = await renderLawCompilation(lawCompilationInputFromKnowledge(request('street')));
    documents['table.docx'] = await renderPowersTable(powersTableInputFromKnowledge(request('township')));
    documents['violations.xlsx'] = await renderViolationsList(violationsListInputFromKnowledge(request('street')));
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(documents['violations.xlsx'] as unknown as ArrayBuffer);
    pdfs = convertAndRead(documents);
  }, CONVERSION_TIMEOUT_MS * 2);

  const text = (name: string) => readWordText(documents[name] ?? Buffer.alloc(0));

  it('lays every .docx out per GB/T 9704', () => {
    expectOfficialLayout(documents['manual-street.docx']!);
    expectOfficialLayout(documents['compilation.docx']!);
    expectOfficialLayout(documents['table.docx']!, { landscapeSections: 1 });
  });

  it('names every power the client holds in the manual, each with its basis, steps and templates', () => {
    for (const variant of ['street', 'township'] as const) {
      const lines = text(`manual-${variant}.docx`).split('\n');
      const held = powersHeldBy(powers, variant);
      for (const power of held)
        expect(lines.some((line) => /^（[一二三四五六七八九十]+）/.test(line) && line.endsWith(power.title))).toBe(
          true,
        );
      expect(lines.join('\n')).toContain(`本章列明${CLIENTS[variant].shortName}在社区治理中的职权共${held.length}项`);
    }
    const street = text('manual-street.docx');
    expect(street).not.toContain('乡、村庄规划区内违法建设的查处');
    expect(text('manual-township.docx')).toContain('乡、村庄规划区内违法建设的查处');
    // 城镇违法建设: the delegation line of its legal basis is marked.
    const lines = street.split('\n');
    const start = lines.findIndex((line) => line.endsWith('城镇违法建设的查处和强制拆除'));
    expect(lines[start + 1]).toBe('1.职权类别及实施主体。行政强制；街道办事处（街道综合行政执法队）。');
    expect(lines.slice(start, start + 10).some((line) => line.includes(`逐项核实${UNVERIFIED_MARK}`))).toBe(true);
    // Every catalogue item has its guide, every standard party its section.
    for (const entry of violationEntries) expect(lines.some((line) => line.endsWith(entry.title))).toBe(true);
    for (const party of [
      '一、街道办事处',
      '二、居民委员会',
      '三、业主委员会（物业管理委员会）',
      '四、物业服务人',
      '五、区有关职能部门',
    ])
      expect(lines).toContain(party);
  });

  it('shows 待核实 on a power resting on an unverified provision of an engagement’s edited copy', async () => {
    const edited: Power[] = powers.map((power) =>
      power.key === 'waste-discharge-registration'
        ? { ...power, legalBasis: power.legalBasis.map((basis) => ({ ...basis, unverified: true })), unverified: true }
        : power,
    );
    const lines = readWordText(
      await renderPowersManual(powersManualInputFromKnowledge(request('street', { ...knowledge, powers: edited }))),
    ).split('\n');
    const start = lines.findIndex((line) => line.endsWith('生活垃圾排放登记'));
    expect(lines.slice(start, start + 4)).toContain(`（1）《北京市生活垃圾管理条例》第三十七条${UNVERIFIED_MARK}`);
  });

  it('cites no article the knowledge does not have', () => {
    for (const name of ['manual-street.docx', 'manual-township.docx', 'table.docx'])
      expectOnlyKnownArticles(text(name));
    const cells: string[] = [];
    workbook
      .getWorksheet(VIOLATIONS_SHEET)
      ?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expectOnlyKnownArticles(cells.join('\n'));
  });

  it('compiles every law by level, 民法典 with 第二百七十八条, each article one the law has', () => {
    const lines = text('compilation.docx').split('\n');
    const civilCode = lines.indexOf(
      '（一）《中华人民共和国民法典》（全国人民代表大会，2020年5月28日通过，2021年1月1日起施行）',
    );
    expect(civilCode).toBeGreaterThan(0);
    const article278 = lines.findIndex((line) => line.startsWith('第二百七十八条　'));
    expect(article278).toBeGreaterThan(civilCode);
    expect(lines[article278]).toBe(
      `第二百七十八条　${lawByKey('civil-code').excerpts.find((e) => e.article === 278)!.summary}`,
    );
    expect(lines).toContain(`第二百九十一条之二　${lawByKey('criminal-law').excerpts[0]!.summary}`);
    expect(lines).toContain(`第九十七条　${lawByKey('bj-fire-regulations').excerpts[0]!.summary}${UNVERIFIED_MARK}`);
    expect(lines).toContain(
      `（二）《北京市禁止违法建设若干规定》${UNVERIFIED_MARK}（北京市人民政府，北京市人民政府令第295号，2020年公布）`,
    );
    // Every article line belongs to the law heading above it.
    let title = '';
    for (const line of lines) {
      const heading = /^（[一二三四五六七八九十]+）《([^》]+)》/.exec(line);
      if (heading) title = heading[1] ?? '';
      const label = /^(第[^　]+)　/.exec(line)?.[1];
      if (label === undefined) continue;
      const numbers = articleNumbers(label);
      expect(
        numbers.filter((article) => !articlesByTitle.get(title)?.has(article)),
        `${title} ${label}`,
      ).toEqual([]);
    }
    for (const level of [
      '一、法律',
      '二、行政法规',
      '三、地方性法规',
      '四、部门规章',
      '五、地方政府规章',
      '六、规范性文件',
      '七、政策文件',
    ])
      expect(lines).toContain(level);
  });

  it('fills the violations list from the catalogue, one row per item', () => {
    const sheet = workbook.getWorksheet(VIOLATIONS_SHEET)!;
    expect(String(sheet.getCell(1, 1).value)).toBe(`${CLIENTS.street.name}违法行为查处职权部门清单`);
    expect(String(sheet.getCell(3 + violationEntries.length, 2).value)).toBe(violationEntries.at(-1)!.title);
  });

  it.skipIf(!hasOfficeTools)(
    nameOfficeTest('opens every generated file in LibreOffice with its Chinese content and 待核实 notes'),
    () => {
      const manual = pdfOf(pdfs, 'manual-street.docx');
      expect(manual.compact).toContain('和平里街道社区治理行权手册');
      expect(manual.compact).toContain('城镇违法建设的查处和强制拆除');
      expect(manual.compact).toContain('街道办事处是区人民政府的派出机关');
      expect(manual.compact).toMatch(/标注“【待核实】”的内容（共\d+处）/);
      const township = pdfOf(pdfs, 'manual-township.docx');
      expect(township.compact).toContain('雁栖镇社区治理行权手册');
      expect(township.compact).toContain('乡镇综合行政执法队');
      const compilation = pdfOf(pdfs, 'compilation.docx');
      expect(compilation.compact).toContain('第二百七十八条业主共同决定事项');
      expect(compilation.compact).toContain(`收录文件${laws.length}件`);
      const table = pdfOf(pdfs, 'table.docx');
      expect(table.compact).toContain('雁栖镇社区治理职权梳理表');
      expect(table.compact).toContain(`共${powersHeldBy(powers, 'township').length}项`);
      const list = pdfOf(pdfs, 'violations.xlsx');
      expect(list.compact).toContain('违法行为查处职权部门清单');
      expect(list.compact).toContain('侵占绿地、毁绿种菜');
    },
  );
});

describe('the workbook of the powers table from the knowledge', () => {
  it('has a row per power and marks the delegations still to check', async () => {
    const input = powersTableInputFromKnowledge(request('street'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderPowersTableWorkbook(input)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    for (const power of input.powers) expect(cells).toContain(power.title);
    expect(cells.filter((cell) => cell.includes(UNVERIFIED_MARK)).length).toBeGreaterThan(0);
    expectOnlyKnownArticles(cells.join('\n'));
  });
});

// The entries a lawyer may add: a violation and a law the built-in base does not have still map.
describe('an engagement’s own additions', () => {
  it('maps a new law and a new violation citing it, flagged where the lawyer flagged it', () => {
    const law: Law = {
      key: 'bj-test-measures',
      title: '北京市测试管理办法',
      shortName: '测试管理办法',
      issuer: '北京市人民政府',
      level: '政府规章',
      documentNo: '北京市人民政府令第1号',
      version: { label: '2026年公布', published: '2026-05-01' },
      sourceKeys: [],
      unverified: false,
      excerpts: [{ article: 3, summary: '测试条文摘要。' }],
    };
    const violation: ViolationEntry = {
      ...violationEntries[17]!,
      key: 'test-item',
      no: 99,
      title: '测试违法行为',
      prohibitions: [{ lawKey: law.key, article: 3 }],
      penalties: [{ lawKey: law.key, article: 5, unverified: true }],
      coercion: undefined,
      unverified: true,
    };
    const [reference] = lawReferencesFromKnowledge([law], { listArticlesCitedBy: { violations: [violation] } });
    expect(reference).toMatchObject({ level: '地方政府规章', version: '北京市人民政府令第1号，2026年5月1日公布' });
    expect(reference?.articles?.map((article) => article.article)).toEqual(['第三条', '第五条']);
    const [guide] = problemGuidesFromKnowledge([violation], [...laws, law]);
    expect(guide?.legalBasis).toEqual([
      '《北京市测试管理办法》第三条',
      { text: '《北京市测试管理办法》第五条', isUnverified: true },
    ]);
  });
});

describe('the joint-enforcement plan and the open letter from the knowledge', () => {
  const byKey = (key: string) => violationEntries.find((entry) => entry.key === key)!;
  const problems = [
    { violationKey: 'unsafe-e-bike-charging', communities: ['和平里北社区', '安定门社区'] },
    { violationKey: 'cooking-fumes', communities: ['青年湖社区'] },
    { violationKey: 'no-such-item', communities: ['兴化社区'] },
  ];

  it('makes research’s problems the priorities, each department’s duties the items it enforces, in the client’s words', () => {
    const input = jointEnforcementPlanInputFromKnowledge({ ...request('street'), problems: problems.map((problem, index) => ({ ...problem, confirmed: index === 0 })), symposiums: [{ department: '区消防救援支队', date: '2026-10-12' }] });
    expect(input.priorityProblems.map((problem) => problem.problem)).toEqual([byKey('unsafe-e-bike-charging').title, byKey('cooking-fumes').title]);
    expect(textOf(input.priorityProblems[0]!.measures)).toContain('调研中和平里北社区、安定门社区反映此问题');
    // The fumes item's enforcer is doubted by the knowledge: the plan says so.
    expect(isUnverifiedText(input.priorityProblems[1]!.lead) || isUnverifiedText(input.priorityProblems[1]!.measures)).toBe(true);
    const duties = new Map(input.departments.map((department) => [department.department, department.duties.map(textOf).join('')]));
    for (const entry of violationEntries) {
      const enforcer = entry.enforcers.length === 0 ? entry.enforcer : null;
      if (enforcer && !enforcer.includes('/') && !enforcer.includes('、')) expect(duties.get(enforcer) ?? '', enforcer).toContain(entry.title);
    }
    expect([...duties.keys()]).toContain('街道综合行政执法队');
    expect([...duties.keys()].join('')).not.toMatch(/乡镇|（牵头组织）|[A-Za-z]/);
    expect(input.leadership.members).not.toContain('街道办事处');
    expect(input.leadership.office.location).toBe('和平里街道综合行政执法队');
    // Research found nothing: the catalogue's first items stand in, flagged for the lawyer.
    const bare = jointEnforcementPlanInputFromKnowledge({ ...request('township'), problems: [], symposiums: [] });
    expect(bare.priorityProblems).toHaveLength(8);
    expect(bare.priorityProblems.every((problem) => isUnverifiedText(problem.measures))).toBe(true);
    expect(bare.leadership.leader).toBe('乡镇长');
  });

  it('quotes the prohibiting provisions’ summaries in the open letter, flagged where the knowledge has none', () => {
    const letter = openLetterInputFromKnowledge({ client: CLIENTS.street, communityName: '和平里北社区', date: DOCUMENT_DATE, laws, violation: byKey('fire-lane-obstruction'), raised: '3号楼楼道里电动车和杂物堵住了消防通道' });
    expect(letter.problem).toContain('“3号楼楼道里电动车和杂物堵住了消防通道”');
    expect(letter.legalBasis.length).toBe(new Set(byKey('fire-lane-obstruction').prohibitions.map((provision) => `${provision.lawKey}${provision.article}`)).size);
    for (const basis of letter.legalBasis) expect(textOf(basis)).toMatch(/^《[^》]+》/);
    expect(letter.issuer).toBe('和平里北社区居民委员会');
    expect(letter.government).toBe('和平里街道办事处');
    expect(letter.requests.map(textOf).join('')).toContain(byKey('fire-lane-obstruction').title.replace(/（[^（）]*）$/, ''));
    // A title's bracketed gloss stays out of the sentence.
    const built = openLetterInputFromKnowledge({ client: CLIENTS.street, communityName: '安定门社区', date: DOCUMENT_DATE, laws, violation: byKey('illegal-construction') });
    expect(built.requests.map(textOf).join('')).not.toMatch(/[（(][^）)]*[）)]的行为/);
  });

  it('narrows the letter to the case: its place, its problem, the catalogue item’s provisions; none cited without them', async () => {
    const request = { client: CLIENTS.street, communityName: '菊儿社区', date: DOCUMENT_DATE, laws, title: '菊儿胡同12号院公共通道堆放杂物', place: '菊儿胡同12号院', description: '12号院3户将旧家具、纸箱堆放在公共通道。' };
    const letter = caseLetterInputFromKnowledge({ ...request, violation: byKey('fire-lane-obstruction') });
    expect([letter.kind, letter.topic]).toEqual(['倡议书', '菊儿胡同12号院公共通道堆放杂物问题']);
    expect(letter.problem).toBe('近期，社区内存在“菊儿胡同12号院公共通道堆放杂物”的问题，影响社区环境和居民生活。');
    // The report's description (it may name households) stays out of a public letter.
    expect(letter.problem).not.toContain('3户');
    expect(letter.legalBasis).toEqual(openLetterInputFromKnowledge({ ...request, violation: byKey('fire-lane-obstruction') }).legalBasis);
    expect(textOf(letter.requests[0]!)).toBe('请菊儿胡同12号院的有关居民和经营者自觉遵守上述规定，尽快自行整改。');
    expect(letter.issuer).toBe('菊儿社区居民委员会');
    const elsewhere = caseLetterInputFromKnowledge({ ...request, title: '楼道堆放杂物', violation: byKey('stairwell-clutter') });
    expect(elsewhere.problem).toBe('近期，菊儿胡同12号院存在“楼道堆放杂物”的问题，影响社区环境和居民生活。');
    // Outside the catalogue, or an item without prohibiting provisions: no law cited, no "上述规定".
    const noProvisions = violationEntries.find((entry) => entry.prohibitions.length === 0);
    for (const violation of [null, ...(noProvisions ? [noProvisions] : [])]) {
      const bare = caseLetterInputFromKnowledge({ ...request, violation });
      expect(bare.legalBasis).toEqual([]);
      expect(bare.requests.map(textOf).join('')).not.toContain('上述规定');
    }
    const text = readWordText(await renderOpenLetter(letter));
    expect(text).toContain('关于菊儿胡同12号院公共通道堆放杂物问题的倡议书');
    expectOnlyKnownArticles(text);
  });

  it(nameOfficeTest('renders both as documents LibreOffice opens, citing only articles the knowledge has'), { timeout: CONVERSION_TIMEOUT_MS * 2 }, async () => {
    const files = {
      'plan.docx': await renderJointEnforcementPlan(jointEnforcementPlanInputFromKnowledge({ ...request('street'), problems, symposiums: [] })),
      'letter.docx': await renderOpenLetter(openLetterInputFromKnowledge({ client: CLIENTS.street, communityName: '和平里北社区', date: DOCUMENT_DATE, laws, violation: byKey('unsafe-e-bike-charging') })),
    };
    expectOfficialLayout(files['plan.docx']);
    expectOfficialLayout(files['letter.docx']);
    expectOnlyKnownArticles(readWordText(files['plan.docx']));
    expectOnlyKnownArticles(readWordText(files['letter.docx']));
    if (!hasOfficeTools) return;
    const pdfs = convertAndRead(files);
    expect(pdfOf(pdfs, 'plan.docx').compact).toContain('联动执法方案');
    expect(pdfOf(pdfs, 'plan.docx').compact).toContain(byKey('cooking-fumes').title.replace(/\s/g, ''));
    expect(pdfOf(pdfs, 'letter.docx').compact).toContain('致和平里北社区居民的公开信');
  });
});

describe('a community’s self-governance handbook from its profile and the knowledge', () => {
  const byKey = (key: string) => violationEntries.find((entry) => entry.key === key)!;
  const profile = {
    partyOrganization: '中共安定门社区委员会',
    households: 2140,
    residents: 5230,
    residentGroups: null,
    committeeMembers: [
      { name: '周桂芳', position: '主任' },
      { name: '马志强', position: '副主任' },
    ],
    subCommittees: ['人民调解委员会'],
    compounds: [
      { name: '安定门东大街28号院', type: '单位宿舍', households: 460, ownersBody: null, propertyCompany: null },
      { name: '交道口北二条小区', type: '老旧小区', households: null, ownersBody: '物业管理委员会', propertyCompany: '无物业（居委会托管）' },
    ],
    mediation: { members: ['周桂芳', '李淑珍'], venue: '社区党群服务中心调解室', phone: null },
    features: ['平房院落多，电动自行车充电需求大。'],
  };

  it('lists the community’s problems with who dissuades and who enforces, in the client’s words; unknowns are left out', () => {
    const input = selfGovernanceHandbookInputFromKnowledge({
      client: CLIENTS.township,
      preparedBy: FIRM,
      date: DOCUMENT_DATE,
      communityName: '安定门社区',
      profile,
      violations: [byKey('unsafe-e-bike-charging'), byKey('cooking-fumes'), ...violationEntries],
    });
    expect(input.issues).toHaveLength(8);
    expect(input.issues.slice(0, 2).map((issue) => issue.problem)).toEqual([byKey('unsafe-e-bike-charging').title, byKey('cooking-fumes').title].map((title) => title.replace(/街道办事处/g, '乡镇人民政府')));
    expect(input.issues.every((issue) => issue.dissuader.startsWith('楼门长、'))).toBe(true);
    expect(input.issues[0]!.dissuader).toBe('楼门长、业主委员会（物业管理委员会）、物业服务人');
    for (const { dissuader } of input.issues) {
      expect(dissuader).not.toMatch(/居民委员会|业主大会/);
      expect(new Set(dissuader.split('、')).size).toBe(dissuader.split('、').length);
    }
    // A township's handbook names its own government and enforcement team, never a street office's.
    expect(input.issues.map((issue) => textOf(issue.enforcer)).join('')).not.toMatch(/街道办事处|街道综合行政执法队|[A-Za-z]/);
    // An enforcer, an item or a delegation the knowledge doubts: flagged.
    const doubted = (key: string) => byKey(key).unverified || byKey(key).delegatedToStreet === 'unverified' || byKey(key).enforcers.some((enforcer) => enforcer.unverified === true);
    expect(isUnverifiedText(input.issues[1]!.enforcer)).toBe(doubted('cooking-fumes'));
    input.issues.forEach((issue, index) => expect(isUnverifiedText(issue.enforcer), issue.problem).toBe(doubted([byKey('unsafe-e-bike-charging'), byKey('cooking-fumes'), ...violationEntries][index]!.key)));
    // A street's handbook never hands a street office what only a township does (乡村违法建设), nor names a township.
    const street = selfGovernanceHandbookInputFromKnowledge({ client: CLIENTS.street, preparedBy: FIRM, date: DOCUMENT_DATE, communityName: '安定门社区', profile, violations: violationEntries });
    expect(street.issues.map((issue) => textOf(issue.enforcer)).join('')).not.toMatch(/乡镇|乡村/);
    expect(textOf(street.issues.find((issue) => issue.problem.startsWith('违法建设'))!.enforcer)).toContain('城镇违法建设：街道综合行政执法队');
    expect(input.community.compounds[0]).toEqual({ name: '安定门东大街28号院', type: '单位宿舍', households: 460 });
    expect(input.community.residentGroups).toBeUndefined();
    expect(input.mediation).toEqual({ members: ['周桂芳', '李淑珍'], venue: '社区党群服务中心调解室' });
  });

  it('reads well with a sparse profile: no empty member list, no “0 compounds”', async () => {
    const sparse = { ...profile, committeeMembers: [], compounds: [], subCommittees: [], features: [], mediation: { members: [], venue: '社区居委会', phone: null } };
    const text = readWordText(await renderSelfGovernanceHandbook(selfGovernanceHandbookInputFromKnowledge({ client: CLIENTS.street, preparedBy: FIRM, date: DOCUMENT_DATE, communityName: '安定门社区', profile: sparse, violations: [] })));
    expect(text).toContain('安定门社区现有居民2140户、5230人。');
    expect(text).not.toContain('0个居住小区');
    expect(text).not.toContain('（成员：）');
    expect(text).toContain('安定门社区人民调解委员会在社区居委会接待调解申请');
    expect(text).toContain('根据需要设人民调解、治安保卫、公共卫生等委员会');
    expect(text).not.toContain('经调研，本社区治理需重点关注');
  });

  it('names as dissuaders only the bodies the community has', () => {
    const input = (compounds: CommunityProfileDetails['compounds']) =>
      selfGovernanceHandbookInputFromKnowledge({ client: CLIENTS.street, preparedBy: FIRM, date: DOCUMENT_DATE, communityName: '安定门社区', profile: { ...profile, compounds }, violations: [byKey('unsafe-e-bike-charging')] });
    const bare: CommunityProfileDetails['compounds'][number] = { name: '地坛北里平房区', type: '平房院落', households: 659, ownersBody: null, propertyCompany: '无物业（居委会托管）' };
    expect(input([bare]).issues[0]!.dissuader).toBe('楼门长、网格员');
    expect(input([bare, { ...bare, name: '交道口北二条小区', ownersBody: '物业管理委员会' }]).issues[0]!.dissuader).toBe('楼门长、业主委员会（物业管理委员会）');
    expect(input([{ ...bare, propertyCompany: '北京和泰物业服务有限公司' }]).issues[0]!.dissuader).toBe('楼门长、物业服务人');
    // Not recorded: every body the law names.
    expect(input([]).issues[0]!.dissuader).toBe('楼门长、业主委员会（物业管理委员会）、物业服务人');
  });
});
