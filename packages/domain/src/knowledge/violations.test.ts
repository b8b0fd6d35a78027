import { describe, expect, it } from 'vitest';
import { type Provision, UNVERIFIED_MARK } from './citation';
import { findLaw } from './laws';
import {
  findViolation,
  violationCatalogue,
  type ViolationEntry,
  violationEntries,
  violationEntrySchema,
} from './violations';

const provisionsOf = (entry: ViolationEntry): Provision[] => [
  ...entry.prohibitions,
  ...entry.penalties,
  ...entry.related,
  ...(entry.coercion?.basis ?? []),
  ...entry.reporters.flatMap((reporter) => (reporter.basis ? [reporter.basis] : [])),
];
const enforcerBodies = (entry: ViolationEntry) => [entry.enforcer, ...entry.enforcers.map((enforcer) => enforcer.body)];

/** Real Beijing bodies (and the police's units) the catalogue may name as enforcer. */
const KNOWN_BODIES = [
  '街道/乡镇综合行政执法队',
  '乡镇人民政府',
  '街道办事处',
  '街道办事处、乡镇人民政府',
  '街道办事处（牵头组织）',
  '市规划和自然资源委员会及其区分局',
  '区住房和城乡建设委员会',
  '区消防救援支队（消防救援机构）',
  '公安派出所',
  '公安机关',
  '公安机关（公安派出所）',
  '公安机关交通管理部门',
  '区园林绿化局',
  '区水务局',
  '区卫生健康委员会',
  '区生态环境局',
];

describe('the violation catalogue', () => {
  it('keeps the 23 items in their numbering', () => {
    expect(violationEntries.map((entry) => entry.no)).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
    expect(new Set(violationEntries.map((entry) => entry.key)).size).toBe(23);
    expect(findViolation(1)?.title).toBe('违法建设（私搭乱建、私挖地下空间）');
    expect(findViolation(24)).toBeUndefined();
  });

  it('cites only laws on the reference list', () => {
    for (const entry of violationEntries)
      for (const provision of provisionsOf(entry))
        expect(findLaw(provision.lawKey), `${entry.no} ${provision.lawKey}`).toBeDefined();
  });

  it('has item 1 enforced by the street/township enforcement team, divided by case', () => {
    const item = findViolation(1)!;
    expect(item.enforcer).toBe('街道/乡镇综合行政执法队');
    expect(item.enforcers.map((enforcer) => enforcer.body)).toEqual([
      '街道/乡镇综合行政执法队',
      '乡镇人民政府',
      '市规划和自然资源委员会及其区分局',
    ]);
    expect(item.prohibitions[0]).toMatchObject({
      lawKey: 'bj-property-management-regulations',
      article: 78,
      paragraph: 2,
      item: 3,
    });
    expect(item.penalties).toContainEqual(
      expect.objectContaining({ lawKey: 'bj-property-management-regulations', article: 98, item: 3 }),
    );
  });

  it('names only real Beijing bodies as enforcers, and never the pre-2020 城管', () => {
    for (const entry of violationEntries) {
      for (const body of enforcerBodies(entry)) {
        expect(KNOWN_BODIES, `item ${entry.no}`).toContain(body);
        expect(body).not.toMatch(/城管|城市管理/);
      }
      for (const department of entry.cooperatingDepartments)
        expect(KNOWN_BODIES.concat('居民委员会'), `item ${entry.no}`).toContain(department);
    }
  });

  it('keeps fire-code items that cite the weak reprint (S4) unverified', () => {
    const citesReprint = violationEntries.filter((entry) =>
      provisionsOf(entry).some((provision) => provision.lawKey === 'bj-fire-regulations'),
    );
    expect(citesReprint.map((entry) => entry.no)).toEqual([3, 4, 5]);
    for (const entry of citesReprint) {
      expect(entry.unverified, `item ${entry.no}`).toBe(true);
      expect(entry.sourceKeys).toContain('S4');
      for (const provision of provisionsOf(entry).filter((candidate) => candidate.lawKey === 'bj-fire-regulations'))
        expect(provision.unverified).toBe(true);
    }
    expect(findViolation(3)?.penalties).toContainEqual(
      expect.objectContaining({ lawKey: 'bj-fire-regulations', article: 102, unverified: true }),
    );
  });

  it('cites the public-security penalties law by its 2026 numbering, or flags the citation', () => {
    const sourcedArticles = new Set(
      findLaw('public-security-penalties-law')!.excerpts.map((excerpt) => excerpt.article),
    );
    const citations = violationEntries.flatMap((entry) =>
      provisionsOf(entry)
        .filter((provision) => provision.lawKey === 'public-security-penalties-law')
        .map((provision) => ({ no: entry.no, provision })),
    );
    expect(citations.length).toBeGreaterThan(0);
    for (const { no, provision } of citations) {
      if (!sourcedArticles.has(provision.article ?? 0))
        expect(provision.unverified, `item ${no} article ${provision.article}`).toBe(true);
    }
    expect(findViolation(13)?.penalties).toContainEqual(
      expect.objectContaining({ lawKey: 'public-security-penalties-law', article: 58, unverified: true }),
    );
    expect(findViolation(13)?.unverified).toBe(true);
  });

  it('marks an item unverified whenever one of its provisions or enforcers is', () => {
    for (const entry of violationEntries) {
      const hasUnverifiedPart =
        provisionsOf(entry).some((provision) => provision.unverified) ||
        entry.enforcers.some((enforcer) => enforcer.unverified);
      if (hasUnverifiedPart) expect(entry.unverified, `item ${entry.no}`).toBe(true);
    }
    const item2 = findViolation(2)!;
    const tampered = {
      ...item2,
      unverified: false,
      penalties: [...item2.penalties, { lawKey: 'bj-greening-regulations', article: 99, unverified: true }],
    };
    expect(violationEntrySchema.safeParse(tampered).success).toBe(false);
    expect(violationEntrySchema.safeParse({ ...tampered, unverified: true }).success).toBe(true);
  });

  it('keeps the delegation status unverified wherever the street/township enforcement team acts under the 2020 decision', () => {
    for (const entry of violationEntries) {
      if (enforcerBodies(entry).includes('街道/乡镇综合行政执法队'))
        expect(entry.delegatedToStreet, `item ${entry.no}`).toBe('unverified');
    }
    expect(findViolation(22)?.delegatedToStreet).toBe('yes');
    expect(findViolation(21)?.delegatedToStreet).toBe('shared');
    expect(findViolation(6)?.delegatedToStreet).toBe('no');
  });

  it('routes complaints through 12345 and marks every hotline category mapping unverified', () => {
    for (const entry of violationEntries) {
      expect(entry.complaintChannel).toContain('12345');
      expect(entry.hotlineCategories.unverified).toBe(true);
      expect(entry.hotlineCategories.names.length).toBeGreaterThan(0);
    }
  });

  it('records who dissuades and reports, with the statute that says so', () => {
    const item1Reporters = findViolation(1)!.reporters;
    expect(item1Reporters.map((reporter) => reporter.basis?.lawKey)).toContain('bj-urban-rural-planning-regulations');
    // Every item prohibited in 北京市物业管理条例 78 ② carries the 78 ③ dissuade-then-report duty.
    for (const entry of violationEntries) {
      const prohibitedIn78 = entry.prohibitions.some(
        (provision) => provision.lawKey === 'bj-property-management-regulations' && provision.article === 78,
      );
      const reports78 = entry.reporters.some(
        (reporter) => reporter.basis?.article === 78 && reporter.basis.paragraph === 3,
      );
      if (prohibitedIn78) expect(reports78, `item ${entry.no}`).toBe(true);
    }
  });
});

describe('the compatibility catalogue', () => {
  it('keeps the old flat shape, in Chinese', () => {
    expect(violationCatalogue.note).toContain('京政发〔2020〕9号');
    expect(violationCatalogue.violations).toHaveLength(23);
    for (const [index, violation] of violationCatalogue.violations.entries()) {
      expect(Object.keys(violation).sort()).toEqual([
        'enforcer',
        'hasUnverified',
        'id',
        'legalBasis',
        'problem',
        'sourceKeys',
      ]);
      const entry = violationEntries[index]!;
      expect(violation).toMatchObject({ id: entry.no, problem: entry.title, hasUnverified: entry.unverified });
      expect(violation.sourceKeys).toEqual(entry.sourceKeys);
    }
  });

  it('renders citations with 【待核实】 on the unverified parts, and only on unverified items', () => {
    const item3 = violationCatalogue.violations[2]!;
    expect(item3.legalBasis).toContain('《北京市消防条例》第一百零二条【待核实】');
    expect(item3.legalBasis).toContain('《中华人民共和国消防法》第二十八条');
    expect(violationCatalogue.violations[0]!.legalBasis).toMatch(
      /^禁止性规定：《北京市物业管理条例》第七十八条第二款第三项。罚则：《中华人民共和国城乡规划法》第六十四条/,
    );
    for (const violation of violationCatalogue.violations) {
      const text = `${violation.enforcer}${violation.legalBasis}`;
      expect(text.includes('待核实'), `item ${violation.id}`).toBe(violation.hasUnverified);
      expect(text).not.toContain('unverified');
    }
    expect(violationCatalogue.violations[22]!.enforcer).toContain(`街道/乡镇综合行政执法队${UNVERIFIED_MARK}`);
  });
});
