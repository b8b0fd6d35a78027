import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate, formatChineseDateRange, formatPercent } from './chinese-text';
import { type ClientProfile } from './client-terms';
import {
  type CellContent,
  createDataTable,
  createHeading,
  createParagraph,
  createSignatureBlock,
  createTitleBlock,
  drawBar,
  HeadingNumbering,
  packOfficialDocument,
  run,
} from './gbt9704';
import { UnverifiedMarks, type VerifiableText } from './unverified';

/** The audiences of the field research (实地调研). */
export const RESEARCH_AUDIENCES = ['政府领导班子成员', '居委会成员', '居民代表', '业委会成员', '物业服务企业'] as const;
export type ResearchAudience = (typeof RESEARCH_AUDIENCES)[number];

export interface QuestionResult {
  question: string;
  options: { label: string; count: number }[];
  /** For a multiple-choice question: the people who answered it (percentages are of them, and sum past 100%). */
  respondents?: number;
}

export interface QuestionnaireResult {
  community: string;
  /** Who answered: one of RESEARCH_AUDIENCES, or the questionnaire's own audience label. */
  audience: ResearchAudience | (string & {});
  distributed: number;
  returned: number;
  questions: QuestionResult[];
}

export interface ResearchSession {
  kind: '座谈会' | '实地访谈';
  community: string;
  date: CivilDate;
  /** Who took part: 社区党委书记、居委会主任及委员5人. */
  participants: string;
  /** 0 when not recorded (left out of the text). */
  headcount: number;
  /** What was said, one point each. */
  points: VerifiableText[];
}

export interface ResearchProblem {
  title: string;
  /** The violation catalogue title the problem falls under (the tag that feeds stages 4–6). */
  violation: string;
  communities: string[];
  description: VerifiableText;
}

/** 调研报告 (stage 3) from the research data. */
export interface ResearchReportInput {
  client: ClientProfile;
  preparedBy: string;
  date: CivilDate;
  period: { start: CivilDate; end: CivilDate };
  /** The communities researched, in the client's order. */
  communities: string[];
  questionnaires: QuestionnaireResult[];
  sessions: ResearchSession[];
  problems: ResearchProblem[];
  conclusions: VerifiableText[];
  recommendations: VerifiableText[];
}

/**
 * 调研报告: overview (period, methods, coverage per community); questionnaire results per community and
 * audience (per question: counts, percentages and a bar); symposium and interview summaries; the problems
 * found, each tagged with its catalogue violation; conclusions and recommendations.
 */
export async function renderResearchReport(input: ResearchReportInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const numbering = new HeadingNumbering();
  const { client } = input;
  const title = `${client.shortName}社区治理现状调研报告`;
  const distributed = sum(input.questionnaires.map((questionnaire) => questionnaire.distributed));
  const returned = sum(input.questionnaires.map((questionnaire) => questionnaire.returned));
  const symposiums = input.sessions.filter((session) => session.kind === '座谈会');
  const interviews = input.sessions.filter((session) => session.kind === '实地访谈');

  const coverageRows: CellContent[][] = input.communities.map((community, index) => {
    const questionnaires = input.questionnaires.filter((questionnaire) => questionnaire.community === community);
    const sessions = input.sessions.filter((session) => session.community === community);
    return [
      String(index + 1),
      community,
      String(sum(questionnaires.map((questionnaire) => questionnaire.distributed))),
      String(sum(questionnaires.map((questionnaire) => questionnaire.returned))),
      String(sessions.filter((session) => session.kind === '座谈会').length),
      String(sessions.filter((session) => session.kind === '实地访谈').length),
    ];
  });

  const overview = [
    numbering.heading(1, '调研概况'),
    createParagraph(
      `受${client.name}委托，${input.preparedBy}于${formatChineseDateRange(input.period.start, input.period.end)}对${client.shortName}辖区${input.communities.length}个社区的治理现状开展调研。调研采取座谈会、书面调查问卷和实地访谈相结合的方式，对象包括${client.shortName}领导班子成员、居委会成员、居民代表、业委会成员和物业服务企业。`,
    ),
    createParagraph(
      `本次调研共发放问卷${distributed}份，回收${returned}份，回收率${formatPercent(returned, distributed)}；召开座谈会${symposiums.length}场，参加${sum(symposiums.map((session) => session.headcount))}人次；实地访谈${interviews.length}次，访谈${sum(interviews.map((session) => session.headcount))}人次。各社区情况如下：`,
    ),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '社区', weight: 4 },
        { header: '发放问卷', weight: 2, align: 'center' },
        { header: '回收问卷', weight: 2, align: 'center' },
        { header: '座谈会', weight: 2, align: 'center' },
        { header: '实地访谈', weight: 2, align: 'center' },
      ],
      rows: coverageRows,
    }),
  ];

  const questionnaireSection = [
    numbering.heading(1, '问卷调查结果'),
    // The communities, then any other group the answers speak for (the whole street).
    ...[...new Set([...input.communities, ...input.questionnaires.map((questionnaire) => questionnaire.community)])].flatMap((community) => {
      const results = input.questionnaires.filter((questionnaire) => questionnaire.community === community);
      if (results.length === 0) return [];
      return [
        numbering.heading(2, community),
        ...results.flatMap((result) => [
          numbering.heading(3, `${result.audience}问卷。`, {
            body: `发放${result.distributed}份，回收${result.returned}份，回收率${formatPercent(result.returned, result.distributed)}。`,
          }),
          ...result.questions.flatMap((question, index) => createQuestionTable(question, index)),
        ]),
      ];
    }),
  ];

  const sessionSection = [
    numbering.heading(1, '座谈会与访谈情况'),
    ...[...new Set([...input.communities, ...input.sessions.map((session) => session.community)])].flatMap((community) => {
      const sessions = input.sessions.filter((session) => session.community === community);
      if (sessions.length === 0) return [];
      return [
        numbering.heading(2, community),
        ...sessions.flatMap((session) => [
          numbering.heading(3, `${session.kind}（${formatChineseDate(session.date)}）。`, {
            body: `参加人员：${session.participants}${session.headcount > 0 ? `，共${session.headcount}人` : ''}。主要意见如下：`,
          }),
          ...session.points.map((point, index) => createParagraph([run(`（${index + 1}）`), ...marks.runs(point)])),
        ]),
      ];
    }),
  ];

  const problemRows: CellContent[][] = input.problems.map((problem, index) => [
    String(index + 1),
    problem.title,
    problem.violation,
    String(problem.communities.length),
  ]);
  const problemSection = [
    numbering.heading(1, '发现的主要问题'),
    createParagraph(
      `调研共梳理出社区治理主要问题${input.problems.length}项，每项问题对应《违法行为查处职权部门清单》中的违法行为类别，作为构建政府依法治理体系和居民依法自治体系的依据：`,
    ),
    createDataTable({
      columns: [
        { header: '序号', weight: 1, align: 'center' },
        { header: '问题', weight: 6 },
        { header: '对应违法行为', weight: 5 },
        { header: '涉及社区数', weight: 2, align: 'center' },
      ],
      rows: problemRows,
    }),
    ...input.problems.flatMap((problem) => [
      numbering.heading(2, problem.title),
      createParagraph([
        run(`【违法行为：${problem.violation}】`),
        run(`涉及社区：${problem.communities.join('、')}。`),
      ]),
      createParagraph(marks.runs(problem.description)),
    ]),
  ];

  const conclusionSection = [
    numbering.heading(1, '结论与建议'),
    numbering.heading(2, '调研结论'),
    ...input.conclusions.map((conclusion) => createParagraph(marks.runs(conclusion))),
    numbering.heading(2, '工作建议'),
    ...input.recommendations.map((recommendation, index) =>
      createParagraph([run(`${index + 1}.`), ...marks.runs(recommendation)]),
    ),
  ];

  return packOfficialDocument({
    title,
    author: input.preparedBy,
    date: input.date,
    marks,
    sections: [
      {
        children: [
          ...createTitleBlock({ title }),
          ...overview,
          ...questionnaireSection,
          ...sessionSection,
          ...problemSection,
          ...conclusionSection,
          ...createSignatureBlock({ signers: [input.preparedBy], date: input.date }),
        ],
      },
    ],
  });

  function createQuestionTable(question: QuestionResult, index: number) {
    const base = question.respondents ?? sum(question.options.map((option) => option.count));
    return [
      createHeading(
        4,
        `（${index + 1}）${question.question}${question.respondents !== undefined ? `（多选，${question.respondents}人作答）` : ''}`,
      ),
      createDataTable({
        columns: [
          { header: '选项', weight: 5 },
          { header: '人数', weight: 1, align: 'center' },
          { header: '占比', weight: 1.4, align: 'center' },
          { header: '图示', weight: 5 },
        ],
        rows: question.options.map((option) => [
          option.label,
          String(option.count),
          formatPercent(option.count, base),
          [run(drawBar(base > 0 ? option.count / base : 0), { color: '4472C4' })],
        ]),
      }),
    ];
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
