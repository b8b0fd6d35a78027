import { type Db, formOf, fromDbDate, questionnaireResults } from '@gongzhi/db';
import { type ClientProfile, type QuestionnaireResult, type ResearchProblem, type ResearchReportInput, type ResearchSession } from '@gongzhi/documents';
import { type CivilDate, civilDateAt, type EngagementPlan, type Question, respondentAudienceLabels, type RespondentAudience, type ViolationEntry } from '@gongzhi/domain';

/** Character pairs of a text, for matching a problem someone wrote to a catalogue violation. */
function pairsOf(text: string): Set<string> {
  const letters = text.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, '');
  const pairs = new Set<string>();
  for (let index = 0; index + 1 < letters.length; index++) pairs.add(letters.slice(index, index + 2));
  return pairs;
}

/** The catalogue violation a problem reads most like (two shared character pairs at least), or null. */
export function closestViolation(problem: string, violations: readonly Pick<ViolationEntry, 'title'>[]): string | null {
  const wanted = pairsOf(problem);
  let best: { title: string; score: number } | null = null;
  for (const violation of violations) {
    const score = [...pairsOf(violation.title)].filter((pair) => wanted.has(pair)).length;
    if (score >= 2 && (!best || score > best.score)) best = { title: violation.title, score };
  }
  return best?.title ?? null;
}

/** “…” around a question, its own quotation marks turned to single ones. */
const quoted = (text: string) => `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;

/** A task's stored form values as a record (an absent or malformed form reads as empty). */
export const linesOf = (text: unknown): string[] =>
  typeof text === 'string'
    ? text
        .split(/[\n；;]+/)
        // List markers only (1. 2、 （三） 一是 - •), never the start of the problem itself (3号楼, 二手房).
        .map((line) => line.replace(/^\s*(?:[（(]?(?:\d+|[一二三四五六七八九十]+)[)）、.．]|[一二三四五六七八九十]+是|[-•·])\s*/, '').trim())
        .filter((line) => line.length > 1)
    : [];

/** A problem research recorded, with the catalogue item it is. */
export interface RecordedProblem {
  title: string;
  violation: ViolationEntry | null;
  /** A lawyer tagged it (a symposium or interview record); otherwise matched by name from a findings list. */
  tagged: boolean;
  /** The communities that raised it (null: the street as a whole). */
  communityKeys: Set<string | null>;
}

/**
 * Every problem research recorded: those the symposium and interview records raised, as the lawyer
 * tagged them (problems outside the catalogue stay, unmatched), then those the community findings
 * lists name, each matched to the catalogue item it reads most like; merged where the same words
 * were written, in the order first recorded.
 */
export async function recordedProblems(db: Db, engagementId: string, violations: readonly ViolationEntry[]): Promise<RecordedProblem[]> {
  const byKey = new Map(violations.map((entry) => [entry.key, entry]));
  const merged = new Map<string, RecordedProblem>();
  const add = (title: string, communityKey: string | null, violation: () => { entry: ViolationEntry | null; tagged: boolean }) => {
    const seen = merged.get(title);
    if (seen) seen.communityKeys.add(communityKey);
    else merged.set(title, { title, ...(({ entry, tagged }) => ({ violation: entry, tagged }))(violation()), communityKeys: new Set([communityKey]) });
  };
  const raised = await db.communityProblem.findMany({
    where: { engagementId },
    select: { description: true, violationKey: true, outsideCatalogue: true, community: { select: { key: true } } },
    orderBy: [{ session: { heldOn: 'asc' } }, { createdAt: 'asc' }, { position: 'asc' }],
  });
  for (const problem of raised) {
    const entry = problem.violationKey ? (byKey.get(problem.violationKey) ?? null) : null;
    const tagged = entry !== null || problem.outsideCatalogue;
    add(problem.description, problem.community?.key ?? null, () => (tagged ? { entry, tagged } : matchedByName(problem.description, violations)));
  }
  const tasks = await db.task.findMany({
    where: { engagementId, stageKey: 'research', templateTaskKey: 'community-findings', status: 'done' },
    select: { communityKey: true, formData: true },
    orderBy: [{ completedAt: 'asc' }, { key: 'asc' }],
  });
  for (const task of tasks) for (const line of linesOf(formOf(task.formData).problems)) add(line, task.communityKey, () => matchedByName(line, violations));
  return [...merged.values()];
}

function matchedByName(text: string, violations: readonly ViolationEntry[]): { entry: ViolationEntry | null; tagged: false } {
  const title = closestViolation(text, violations);
  return { entry: violations.find((entry) => entry.title === title) ?? null, tagged: false };
}

/**
 * 调研报告 from what the engagement recorded in stage 3: the questionnaires' results per community
 * and audience, the symposiums' minutes, each community's problem list (each problem matched to
 * the closest catalogue violation, marked 待核实 because the match is automatic), and conclusions
 * drawn from the figures. Recommendations are the firm's standard next steps for stages 4–6.
 */
export async function researchReportInput(
  db: Db,
  input: { engagementId: string; plan: EngagementPlan; client: ClientProfile; preparedBy: string; date: CivilDate; violations: readonly ViolationEntry[] },
): Promise<ResearchReportInput> {
  const { engagementId, plan, client } = input;
  const communities = await db.community.findMany({ where: { engagementId }, select: { id: true, key: true, name: true } });
  const nameOfKey = new Map(communities.map((community) => [community.key, community.name]));
  const nameOfId = new Map(communities.map((community) => [community.id, community.name]));
  const streetwide = `${client.shortName}（不分社区）`;
  const ordered = plan.communities.map((community) => nameOfKey.get(community.key) ?? community.name);

  // Questionnaires: per community and audience, as the renderer lays them out.
  const questionnaires: QuestionnaireResult[] = [];
  const conclusions: string[] = [];
  const records = await db.questionnaire.findMany({ where: { engagementId }, orderBy: { createdAt: 'asc' } });
  for (const record of records) {
    const questions = record.questions as Question[];
    const results = await questionnaireResults(db, record);
    const audience = respondentAudienceLabels[record.audience as RespondentAudience] ?? record.audience;
    const links = await db.questionnaireLink.groupBy({ by: ['communityId'], where: { questionnaireId: record.id }, _count: { _all: true } });
    const issued = new Map(links.map((row) => [row.communityId, row._count._all]));
    for (const group of results.byCommunity) {
      questionnaires.push({
        community: group.communityId === null ? streetwide : (nameOfId.get(group.communityId) ?? streetwide),
        audience,
        distributed: Math.max(issued.get(group.communityId) ?? 0, group.responses),
        returned: group.responses,
        questions: results.questions.flatMap((question) => {
          const text = questions.find((candidate) => candidate.key === question.key)?.text ?? question.key;
          if (question.type === 'text') return [];
          if (question.type === 'scale') {
            const row = question.byCommunity.find((entry) => entry.communityId === group.communityId);
            if (!row || row.answered === 0) return [];
            return [{ question: `${text}（平均${row.mean}分，满分${question.points}分）`, options: row.counts.map((count) => ({ label: `${count.option}分`, count: count.count })) }];
          }
          const row = question.byCommunity.find((entry) => entry.communityId === group.communityId);
          if (!row || row.answered === 0) return [];
          return [{ question: text, options: row.counts.map((count) => ({ label: count.option, count: count.count })), ...(question.type === 'multiple' ? { respondents: row.answered } : {}) }];
        }),
      });
    }
    // What the figures say, overall.
    for (const question of results.questions) {
      const text = questions.find((candidate) => candidate.key === question.key)?.text ?? question.key;
      if (question.type === 'scale' && question.mean !== null) {
        conclusions.push(`${audience}问卷中，${quoted(text.replace(/[？?]$/, ''))}一项平均${question.mean}分（满分${question.points}分，${question.answered}人作答）${question.mean < question.points * 0.6 ? '，明显偏低，应作为后续工作的重点' : ''}。`);
      } else if (question.type === 'multiple' && question.answered > 0) {
        const top = [...question.counts].sort((a, b) => b.count - a.count).slice(0, 3).filter((count) => count.count > 0);
        if (top.length > 0) conclusions.push(`${audience}问卷中，${quoted(text.replace(/（.*）$/, '').replace(/[？?]$/, ''))}选择最多的是${top.map((count) => `${quoted(count.option)}（${Math.round((count.count / question.answered) * 100)}%）`).join('、')}。`);
      }
    }
  }

  // Symposiums, from the research stage's completed tasks.
  const tasks = await db.task.findMany({ where: { engagementId, stageKey: 'research', status: 'done' }, select: { templateTaskKey: true, communityKey: true, formData: true, completedAt: true } });
  const sessionRecords = await db.researchSession.findMany({ where: { engagementId }, include: { community: { select: { name: true } }, problems: { orderBy: { position: 'asc' }, select: { description: true } } } });
  const recorded: ResearchSession[] = sessionRecords.map((record) => ({
    kind: record.kind === 'interview' ? ('实地访谈' as const) : ('座谈会' as const),
    community: record.community?.name ?? streetwide,
    date: fromDbDate(record.heldOn),
    participants: record.participants,
    headcount: record.headcount ?? 0,
    points: [...linesOf(record.notes), ...record.problems.map((problem) => `反映问题：${problem.description}`)],
  }));
  const sessions: ResearchSession[] = tasks
    .filter((task) => task.templateTaskKey === 'community-symposium' || task.templateTaskKey === 'government-symposium')
    .map((task): ResearchSession => {
      const form = formOf(task.formData);
      const held = typeof form.heldOn === 'string' ? (form.heldOn as CivilDate) : civilDateAt(task.completedAt ?? new Date());
      return {
        kind: '座谈会',
        community: task.communityKey ? (nameOfKey.get(task.communityKey) ?? streetwide) : streetwide,
        date: held,
        participants: task.templateTaskKey === 'government-symposium' ? `${client.shortName}领导班子成员及相关科室负责人` : '居委会成员、居民代表、业委会及物业服务企业代表',
        headcount: typeof form.participants === 'number' ? form.participants : 0,
        points: linesOf(form.minutes),
      };
    })
    .concat(recorded)
    .sort((a, b) => a.date.localeCompare(b.date));

  // Problems: each community's list, merged where communities wrote the same.
  const problems: ResearchProblem[] = (await recordedProblems(db, engagementId, input.violations)).map(({ title, violation, tagged, communityKeys }) => {
    const where = new Set([...communityKeys].map((key) => (key === null ? streetwide : (nameOfKey.get(key) ?? streetwide))));
    const raisedBy = `${[...where].join('、')}在调研中反映“${title}”。`;
    return {
      title,
      violation: tagged ? (violation ? violation.title : '违法行为清单以外的问题') : violation ? `${violation.title}（自动匹配，待核实）` : '未匹配到清单中的违法行为（待核实）',
      communities: ordered.filter((name) => where.has(name)).concat(where.has(streetwide) ? [streetwide] : []),
      description: tagged
        ? violation
          ? { text: `${raisedBy}经承办律师核对，属于违法行为清单中的“${violation.title}”，查处部门见违法行为查处职权部门清单。`, isUnverified: violation.unverified }
          : `${raisedBy}经承办律师核对，不属于违法行为清单所列事项。`
        : { text: `${raisedBy}对应违法行为类别由系统按名称自动匹配，须由承办律师核实后定稿。`, isUnverified: true },
    };
  });

  const dates = sessions.map((session) => session.date).sort();
  const stage = plan.stages.find((candidate) => candidate.key === 'research');
  const stageTasks = stage ? plan.tasks.filter((task) => task.stageKey === stage.key).map((task) => task.dueDate).sort() : [];
  return {
    client,
    preparedBy: input.preparedBy,
    date: input.date,
    period: { start: dates[0] ?? stageTasks[0] ?? input.date, end: dates[dates.length - 1] ?? stageTasks[stageTasks.length - 1] ?? input.date },
    communities: ordered,
    questionnaires,
    sessions,
    problems,
    conclusions: conclusions.length > 0 ? conclusions : ['本项目尚未录入问卷结果，结论待问卷调查完成后补充。'],
    recommendations: [
      `梳理${client.shortName}承接的行政执法职权，编制行权手册和违法行为查处职权部门清单，明确每类问题“谁发现、谁报告、谁查处”。`,
      '以调研发现的突出问题为重点，制定联动执法方案，明确各部门响应时限和案件移交程序。',
      '逐社区修订居民公约和议事规则，制作社区规范管理自治手册，推动业主委员会（物业管理委员会）依法组建和运行。',
      '建立德治、自治、法治相结合的问题处置机制，对调研中发现的问题逐项跟踪，直至解决。',
    ],
  };
}
