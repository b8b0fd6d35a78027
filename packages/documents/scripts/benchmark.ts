// Generates every document kind for a 50-community engagement with realistic synthetic content and
// prints how long each took and how big it is. Run: node --import tsx scripts/benchmark.ts [--out <dir>]
import { bankQuestionsFor } from '@gongzhi/domain';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  renderClosingReport,
  renderQuestionnaireResultsWorkbook,
  renderCorrectionNotice,
  renderJointEnforcementPlan,
  renderLawCompilation,
  renderOpenLetter,
  renderPowersManual,
  renderPowersTable,
  renderResearchReport,
  renderResidentsConvention,
  renderSelfGovernanceHandbook,
  renderServicePlan,
  renderViolationsList,
  renderViolationsListDocument,
} from '../src/index';
import {
  closingReportInput,
  communityNames,
  conventionInput,
  correctionNoticeInput,
  handbookInput,
  jointEnforcementPlanInput,
  lawCompilationInput,
  openLetterInput,
  powersManualInput,
  researchReportInput,
  servicePlanInput,
  violationsListInput,
} from '../src/testing/fixtures';

const COMMUNITIES = 50;
const outIndex = process.argv.indexOf('--out');
const outDirectory = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
if (outDirectory) mkdirSync(outDirectory, { recursive: true });

// A district-sized knowledge base: 36 powers, 24 catalogue rows, 23 handling guides, 40 laws.
const manual = powersManualInput('street');
const powers = Array.from({ length: 9 }, (_, round) =>
  manual.powers.map((power) => ({ ...power, title: round === 0 ? power.title : `${power.title}（情形${round + 1}）` })),
).flat();
const guides = Array.from({ length: 12 }, (_, round) =>
  manual.problemGuides.map((guide) => ({
    ...guide,
    problem: `${guide.problem}${round === 0 ? '' : `（${round + 1}）`}`,
  })),
)
  .flat()
  .slice(0, 23);
const laws = Array.from({ length: 4 }, (_, round) =>
  manual.laws.map((law) => ({ ...law, name: round === 0 ? law.name : `${law.name}（${round + 1}）` })),
).flat();
const list = violationsListInput('street');
const items = Array.from({ length: 4 }, () => list.items ?? []).flat();

interface Job {
  name: string;
  extension: 'docx' | 'xlsx';
  /** Documents rendered per run (one per community for the per-community kinds). */
  count: number;
  render: (index: number) => Promise<Buffer>;
}

const names = communityNames('street', COMMUNITIES);
// 40 residents' answers per community, spread over the options.
const residentsQuestions = bankQuestionsFor('residents');
const questionnaireResults = {
  title: '社区治理情况调查问卷（居民代表、业主委员会）',
  audience: '居民代表、业主委员会',
  version: 1,
  clientName: manual.client.name,
  preparedBy: manual.preparedBy,
  date: manual.date,
  communities: names,
  questions: residentsQuestions,
  responses: Array.from({ length: COMMUNITIES * 40 }, (_, index) => ({
    community: names[index % COMMUNITIES] ?? '',
    source: index % 5 === 0 ? '律师录入' : '链接填写',
    answeredOn: manual.date,
    answers: Object.fromEntries(
      residentsQuestions.map((question) => [
        question.key,
        question.type === 'single' ? question.options[index % question.options.length]! : question.type === 'multiple' ? question.options.slice(index % 3, (index % 3) + 2) : question.type === 'scale' ? 1 + (index % question.points) : '希望尽快成立业主委员会，公开停车收益。',
      ]),
    ),
  })),
};
const jobs: Job[] = [
  {
    name: '项目法律服务方案',
    extension: 'docx',
    count: 1,
    render: () => renderServicePlan(servicePlanInput('street', COMMUNITIES)),
  },
  {
    name: '行权手册',
    extension: 'docx',
    count: 1,
    render: () => renderPowersManual({ ...manual, powers, problemGuides: guides, laws }),
  },
  {
    name: '违法行为查处职权部门清单',
    extension: 'xlsx',
    count: 1,
    render: () => renderViolationsList({ ...list, items }),
  },
  {
    name: '违法行为查处职权部门清单',
    extension: 'docx',
    count: 1,
    render: () => renderViolationsListDocument({ ...list, items }),
  },
  {
    name: '职权法律法规汇编',
    extension: 'docx',
    count: 1,
    render: () => renderLawCompilation({ ...lawCompilationInput('street'), laws }),
  },
  {
    name: '职权梳理表',
    extension: 'docx',
    count: 1,
    render: () =>
      renderPowersTable({ client: manual.client, preparedBy: manual.preparedBy, date: manual.date, powers }),
  },
  {
    name: '联动执法方案及配套文书',
    extension: 'docx',
    count: 1,
    render: () => renderJointEnforcementPlan(jointEnforcementPlanInput('street')),
  },
  {
    name: '社区规范管理自治手册',
    extension: 'docx',
    count: COMMUNITIES,
    render: (index) => renderSelfGovernanceHandbook(handbookInput('street', index)),
  },
  {
    name: '居民公约（草案）',
    extension: 'docx',
    count: COMMUNITIES,
    render: (index) => renderResidentsConvention({ ...conventionInput('street'), communityName: names[index] ?? '' }),
  },
  {
    name: '公开信',
    extension: 'docx',
    count: COMMUNITIES,
    render: (index) => renderOpenLetter({ ...openLetterInput('street'), communityName: names[index] ?? '' }),
  },
  {
    name: '责令限期改正通知书',
    extension: 'docx',
    count: 1,
    render: () => renderCorrectionNotice(correctionNoticeInput('street')),
  },
  {
    name: '调研报告',
    extension: 'docx',
    count: 1,
    render: () => renderResearchReport(researchReportInput('street', COMMUNITIES)),
  },
  {
    name: '调查问卷结果（2000份答卷）',
    extension: 'xlsx',
    count: 1,
    render: () => renderQuestionnaireResultsWorkbook(questionnaireResults),
  },
  {
    name: '项目总结报告',
    extension: 'docx',
    count: 1,
    render: () => renderClosingReport(closingReportInput('street', COMMUNITIES)),
  },
];

// One warm-up render so module loading and JIT do not count against the first document.
await renderOpenLetter(openLetterInput('street'));

const rows: string[][] = [];
let total = 0;
for (const job of jobs) {
  let largest = 0;
  let bytes = 0;
  let slowest = 0;
  const started = performance.now();
  for (let index = 0; index < job.count; index += 1) {
    const one = performance.now();
    const buffer = await job.render(index);
    slowest = Math.max(slowest, performance.now() - one);
    bytes += buffer.length;
    largest = Math.max(largest, buffer.length);
    if (outDirectory && index === 0) writeFileSync(join(outDirectory, `${job.name}.${job.extension}`), buffer);
  }
  const elapsed = performance.now() - started;
  total += elapsed;
  rows.push([
    `${job.name} (.${job.extension})`,
    String(job.count),
    (elapsed / job.count).toFixed(0),
    slowest.toFixed(0),
    elapsed.toFixed(0),
    (largest / 1024).toFixed(1),
    (bytes / 1024).toFixed(0),
  ]);
}

const header = ['document', 'files', 'ms / file', 'slowest ms', 'total ms', 'largest KiB', 'total KiB'];
console.log(`Gongzhi documents — ${COMMUNITIES}-community engagement, node ${process.version}\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nall documents: ${(total / 1000).toFixed(1)} s`);
