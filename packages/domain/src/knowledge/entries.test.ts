import { describe, expect, it } from 'vitest';
import { laws } from './laws';
import {
  diffKnowledgeContent,
  knowledgeContentSchemas,
  knowledgeEntriesOf,
  knowledgeSearchText,
  searchQueryTokens,
  searchTokens,
} from './entries';
import { knowledgeSeed } from './index';
import { describeKnowledgeProblem } from './problems';

describe('knowledge entries', () => {
  const entries = knowledgeEntriesOf(knowledgeSeed());

  it('lists every item of the built-in knowledge base once, keyed by kind and key', () => {
    const seed = knowledgeSeed();
    expect(entries).toHaveLength(
      seed.sources.length + seed.laws.length + seed.violations.length + seed.powers.length + seed.templates.length,
    );
    expect(new Set(entries.map((entry) => `${entry.kind}:${entry.key}`)).size).toBe(entries.length);
    for (const entry of entries) expect(knowledgeContentSchemas[entry.kind].safeParse(entry.content).success).toBe(true);
  });

  it('orders violations by their catalogue number and carries 待核实 from the content', () => {
    const violations = entries.filter((entry) => entry.kind === 'violation');
    expect(violations.map((entry) => entry.position)).toEqual(violations.map((_, index) => index + 1));
    expect(violations.filter((entry) => entry.unverified).length).toBeGreaterThan(0);
    expect(violations.filter((entry) => !entry.unverified).length).toBeGreaterThan(0);
  });
});

describe('Chinese search tokens', () => {
  it('indexes every Han character and every adjacent pair, other words in lower case', () => {
    expect(searchTokens('物业管理 12345热线 GB/T')).toEqual(
      expect.arrayContaining(['物', '物业', '业管', '管理', '理', '12345', '热线', 'gb', 't']),
    );
    expect(searchTokens('物业管理')).not.toContain('物管');
  });

  it('asks for the pairs of a query, or the character itself when it stands alone', () => {
    expect(searchQueryTokens('物业管理')).toEqual(['物业', '业管', '管理']);
    expect(searchQueryTokens('违 建')).toEqual(['违', '建']);
    expect(searchQueryTokens('  ！？ ')).toEqual([]);
  });

  it('makes an entry findable by the provisions it cites, as written', () => {
    const text = knowledgeSearchText(
      { title: '占用消防通道', prohibitions: [{ lawKey: laws[0]!.key, article: 78 }] },
      laws,
    ).split(' ');
    expect(text).toEqual(expect.arrayContaining(searchQueryTokens('第七十八条')));
    expect(text).toEqual(expect.arrayContaining(searchQueryTokens(laws[0]!.shortName)));
  });
});

describe('diffKnowledgeContent', () => {
  it('names each changed, added and removed field by its path', () => {
    const before = { title: '甲', penalties: [{ lawKey: 'a', article: 1 }], notes: '旧' };
    const after = { title: '乙', penalties: [{ lawKey: 'a', article: 2 }, { lawKey: 'b' }] };
    expect(diffKnowledgeContent(before, after)).toEqual([
      { path: 'title', before: '甲', after: '乙' },
      { path: 'penalties[0].article', before: '1', after: '2' },
      { path: 'penalties[1].lawKey', before: null, after: 'b' },
      { path: 'notes', before: '旧', after: null },
    ]);
    expect(diffKnowledgeContent(after, after)).toEqual([]);
  });
});

describe('describeKnowledgeProblem', () => {
  it('says in Chinese what validateKnowledge found', () => {
    expect(describeKnowledgeProblem('violation 3 cites unknown law no-such-law').zh).toBe('违法行为第3项引用的法律法规“no-such-law”不在知识库中');
    expect(describeKnowledgeProblem('power street-order uses unknown template x').zh).toBe('职权“street-order”使用的文书模板“x”不在知识库中');
    expect(describeKnowledgeProblem('something new').zh).toContain('知识库内容不一致');
  });
});
