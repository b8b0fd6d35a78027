import { type LocalizedText } from '../template/schema';

const KIND_ZH: Record<string, string> = { law: '法律法规', violation: '违法行为', power: '职权', template: '文书模板' };

/** `violation 3` → 违法行为第3项, `power street-order` → 职权“street-order”. */
function where(subject: string): string {
  const [kind, ...rest] = subject.split(' ');
  const key = rest.join(' ');
  if (kind === 'violation') return `违法行为第${key}项`;
  return `${KIND_ZH[kind ?? ''] ?? kind}“${key}”`;
}

const PATTERNS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^duplicate (law key|violation no|violation key|power key|template key): (.+)$/, (m) => `编号重复：${m[2]}`],
  [/^(\w+ \S+) cites unknown law (\S+)$/, (m) => `${where(m[1]!)}引用的法律法规“${m[2]}”不在知识库中`],
  [/^(\w+ \S+) cites unverified law (\S+) without marking the provision unverified$/, (m) => `${where(m[1]!)}引用的“${m[2]}”尚待核实，该条款须标注待核实`],
  [/^(\w+ \S+) cites (\S+) without an article and without marking it unverified$/, (m) => `${where(m[1]!)}引用“${m[2]}”未写明条文序号，须标注待核实`],
  [/^(\w+ \S+) cites an unverified provision of (\S+) but is not marked unverified$/, (m) => `${where(m[1]!)}引用了“${m[2]}”待核实的条款，本条目须标注待核实`],
  [/^power (\S+) uses unknown template (\S+)$/, (m) => `职权“${m[1]}”使用的文书模板“${m[2]}”不在知识库中`],
  [/^power (\S+) refers to unknown violation (\d+)$/, (m) => `职权“${m[1]}”对应的违法行为第${m[2]}项不在知识库中`],
  [/^(\w+ \S+) names unknown source (\S+)$/, (m) => `${where(m[1]!)}注明的资料来源“${m[2]}”不存在`],
];

/** A problem `validateKnowledge` found, in both UI languages. */
export function describeKnowledgeProblem(problem: string): LocalizedText {
  for (const [pattern, render] of PATTERNS) {
    const match = problem.match(pattern);
    if (match) return { zh: render(match), en: problem };
  }
  return { zh: `知识库内容不一致：${problem}`, en: problem };
}
