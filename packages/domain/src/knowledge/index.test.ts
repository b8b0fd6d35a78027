import { describe, expect, it } from 'vitest';
import {
  clientGovernmentName,
  KNOWLEDGE_EDITION,
  knowledgeSeed,
  knowledgeSeedSchema,
  validateKnowledge,
} from './index';

/** Fields holding identifiers, addresses or codes (delegatedToStreet: yes/no/shared/unverified) rather than Chinese text. */
const NON_TEXT_FIELDS = new Set([
  'key',
  'lawKey',
  'sourceKeys',
  'templates',
  'urls',
  'seedVersion',
  'sources',
  'delegatedToStreet',
]);

function chineseTexts(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => chineseTexts(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      NON_TEXT_FIELDS.has(key) ? [] : chineseTexts(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

describe('the knowledge seed', () => {
  it('is consistent: every cross-reference resolves and 待核实 travels upward', () => {
    const seed = knowledgeSeed();
    expect(validateKnowledge(seed)).toEqual([]);
    expect({ laws: seed.laws.length, violations: seed.violations.length, templates: seed.templates.length }).toEqual({
      laws: 37,
      violations: 23,
      templates: 15,
    });
    expect(seed.powers.length).toBeGreaterThanOrEqual(15);
  });

  it('has no English left in its Chinese text (digits, dates and 12345 are fine)', () => {
    const offenders = chineseTexts(knowledgeSeed()).filter(({ text }) => /[A-Za-z]/.test(text));
    expect(offenders).toEqual([]);
  });

  it('is a versioned copy that parses back and whose version follows its content', () => {
    const first = knowledgeSeed();
    const second = knowledgeSeed();
    expect(first.seedVersion).toBe(second.seedVersion);
    expect(first.seedVersion).toMatch(new RegExp(`^${KNOWLEDGE_EDITION.replace('.', '\\.')}\\+[0-9a-f]{8}$`));
    expect(knowledgeSeedSchema.parse(first)).toEqual(first);
    first.violations[0]!.title = '改动';
    expect(knowledgeSeed().violations[0]!.title).toBe('违法建设（私搭乱建、私挖地下空间）');
  });

  it('finds the inconsistencies a lawyer’s edit can introduce', () => {
    const seed = knowledgeSeed();
    seed.violations[1]!.penalties.push({ lawKey: 'no-such-law', article: 1 });
    seed.violations[5]!.related.push({ lawKey: 'bj-illegal-construction-provisions', unverified: false });
    seed.violations[9]!.related.push({ lawKey: 'civil-code' });
    seed.powers[0]!.templates.push('no-such-template');
    seed.powers[0]!.violationNos.push(99);
    seed.templates.push({ ...seed.templates[0]! });
    expect(validateKnowledge(seed)).toEqual([
      'duplicate template key: order-to-correct',
      'violation 2 cites unknown law no-such-law',
      'violation 6 cites unverified law bj-illegal-construction-provisions without marking the provision unverified',
      'violation 6 cites bj-illegal-construction-provisions without an article and without marking it unverified',
      'violation 10 cites civil-code without an article and without marking it unverified',
      'power joint-enforcement-whistle uses unknown template no-such-template',
      'power joint-enforcement-whistle refers to unknown violation 99',
    ]);
  });

  it('flags an item that cites an unverified provision without being marked itself', () => {
    const seed = knowledgeSeed();
    seed.violations[1]!.related.push({ lawKey: 'bj-greening-regulations', article: 99, unverified: true });
    expect(validateKnowledge(seed)).toEqual([
      'violation 2 cites an unverified provision of bj-greening-regulations but is not marked unverified',
    ]);
  });
});

describe('clientGovernmentName', () => {
  it('names the client government by its kind', () => {
    expect(clientGovernmentName('street')).toBe('街道办事处');
    expect(clientGovernmentName('township')).toBe('乡镇人民政府');
  });
});
