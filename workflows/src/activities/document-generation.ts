import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { type Db, findCommunityProfileDetails, loadEngagementKnowledge, publishChange } from '@gongzhi/db';
import { closingReportInput, departmentSymposiums, foundProblems } from './engagement-documents';
import { researchReportInput } from './research-report';
import {
  type ClientProfile,
  type PlanStage,
  type PlanTeamMember,
  jointEnforcementPlanInputFromKnowledge,
  openLetterInputFromKnowledge,
  renderClosingReport,
  renderJointEnforcementPlan,
  renderLawCompilation,
  renderOpenLetter,
  renderPowersManual,
  renderPowersTableWorkbook,
  renderResearchReport,
  renderResidentsConvention,
  renderSelfGovernanceHandbook,
  selfGovernanceHandbookInputFromKnowledge,
  renderServicePlan,
  renderViolationsList,
  lawCompilationInputFromKnowledge,
  powersManualInputFromKnowledge,
  powersTableInputFromKnowledge,
  violationListItemsFromKnowledge,
} from '@gongzhi/documents';
import { type CivilDate, type ClientKind, type EngagementPlan, civilDateAt, generatorForDeliverable, OFFICE_MIME_TYPES, parseEngagementPlan } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { auditKey } from '../keys';
import { audit } from './support';

/** The law firm whose name stands on generated documents, unless the worker is told another. */
export const DEFAULT_FIRM_NAME = '北京市易和律师事务所';

export interface BeginGenerationInput {
  generationId: string;
  engagementId: string;
  deliverableId: string;
  requestedById: string;
  at: string;
}

export interface GenerationOutcome {
  status: 'done' | 'failed';
  sha256: string | null;
}

export interface DocumentActivities {
  /** Records the request (status running, 0 %); a retry finds it written. */
  beginGeneration(input: BeginGenerationInput): Promise<void>;
  /** Drafts the document, stores it and offers it on the deliverable as an upload; reports progress as it goes. */
  generateDocument(input: { generationId: string }): Promise<GenerationOutcome>;
  /** Records why a generation gave up, for the person who asked. */
  failGeneration(input: { generationId: string; message: string }): Promise<void>;
}

export interface DocumentActivityDeps {
  db: Db;
  files: FileStore;
  firmName?: string;
}

/**
 * How documents name the client: `北京市东城区和平里街道办事处` heads and signs them, `和平里街道`
 * runs in the text, `东城区` reviews its decisions. Read off the name the engagement was given.
 */
export function clientProfileOf(clientName: string, kind: ClientKind): ClientProfile {
  const name = clientName.trim();
  const district = /([^市省]{1,6}?(?:区|县))/.exec(name.replace(/^北京市/, ''))?.[1] ?? '';
  const local = name.replace(/^北京市/, '').replace(district, '');
  const shortName = kind === 'street' ? local.replace(/办事处$/, '') : local.replace(/人民政府$/, '');
  return { name, shortName: shortName || name, kind, district: district || '所在区' };
}

const ROLE_TITLES = { pm: '项目负责人', partner: '督导合伙人' } as const;

/** The stages as the plan schedules them, each with the deliverables its tasks produce (one line per kind). */
function planStages(plan: EngagementPlan): PlanStage[] {
  return plan.stages.map((stage) => {
    const titles = new Set<string>();
    for (const task of plan.tasks) {
      if (task.stageKey === stage.key && task.deliverable) titles.add(task.deliverable.title.zh);
    }
    return { name: stage.title.zh, content: stage.summary.zh, deliverables: [...titles], start: stage.plannedStart, end: stage.plannedEnd };
  });
}

/** The firm's standard background (the service description's 需求分析), then the client's own situation. */
function servicePlanBackground(client: ClientProfile, communities: number): string[] {
  return [
    '2017年6月12日，中共中央、国务院发布《关于加强和完善城乡社区治理的意见》，要求健全完善城乡社区治理体系，不断提升城乡社区治理水平，着力补齐城乡社区治理短板。',
    '2017年10月18日，党的十九大报告提出，打造共建共治共享的社会治理格局，加强社区治理体系建设，推动社会治理重心向基层下移，发挥社会组织作用，实现政府治理和社会调节、居民自治良性互动。',
    `${client.shortName}下辖${communities}个社区。本项目以${client.shortName}为服务对象，通过培训、调研、构建政府依法治理体系和居民依法自治体系、建立良性互动机制，推进基层治理规范化、法治化。`,
  ];
}

const SERVICE_CONTENT = [
  { title: '项目培训', body: ['为委托方及各社区居委会领导班子成员提供“创新社区治理”法律培训，介绍创新社区治理的必要性及工作路径。'] },
  { title: '实地调研', body: ['通过座谈会、书面调查问卷、实地访谈，与领导班子成员、居委会成员、居民代表或业委会成员、物业公司了解社区治理现状及难题。'] },
  {
    title: '构建政府依法治理体系',
    body: ['梳理基层政府在社区治理中的具体职权，制作行权手册；梳理社区治理常见违法行为所涉职能部门职责，制作违法行为查处职权部门清单、职权法律法规汇编及职权梳理表，制作基层政府与职能部门的联动执法方案。'],
  },
  { title: '构建居民依法自治体系', body: ['梳理居委会在社区治理中的职责及对业主大会、业委会和物业服务企业的指导职责，搭建社区党组织领导下的自治体系，逐社区制作规范管理自治手册。'] },
  { title: '建立良性互动机制', body: ['实现德治、自治、法治相结合，政府治理和社会调节、居民自治良性互动。'] },
];

/** The community a per-community deliverable is for (`open-letter~anding` → 安定门社区). */
function communityOf(plan: EngagementPlan, deliverableKey: string): EngagementPlan['communities'][number] {
  const communityKey = deliverableKey.split('~')[1];
  const community = plan.communities.find((candidate) => candidate.key === communityKey);
  if (!community) throw ApplicationFailure.nonRetryable(`成果 ${deliverableKey} 对应的社区不在项目计划中`, 'generation_refused');
  return community;
}

/** What a community's open letter is about when research recorded no problem of the catalogue: 楼道堆物, the commonest. */
const FALLBACK_LETTER_TOPIC = 'stairwell-clutter';

export function createDocumentActivities({ db, files, firmName = DEFAULT_FIRM_NAME }: DocumentActivityDeps): DocumentActivities {
  const progress = async (generationId: string, engagementId: string, taskKey: string, percent: number, step: string) => {
    await db.generatedDocument.updateMany({ where: { id: generationId, status: 'running' }, data: { progress: percent, step } });
    await publishChange(db, { engagementId, type: 'deliverable.updated', key: taskKey });
    Context.current().heartbeat({ percent, step });
  };

  async function render(kind: string, input: { engagementId: string; deliverableKey: string; date: CivilDate; generationId: string; taskKey: string }) {
    const engagement = await db.engagement.findUniqueOrThrow({
      where: { id: input.engagementId },
      select: { name: true, clientName: true, clientKind: true, plan: true, members: { select: { role: true, user: { select: { displayName: true } } } } },
    });
    const plan = parseEngagementPlan(engagement.plan);
    const client = clientProfileOf(engagement.clientName, engagement.clientKind);
    const step = (percent: number, text: string) => progress(input.generationId, input.engagementId, input.taskKey, percent, text);
    await step(15, '读取项目知识库');
    const knowledge = await loadEngagementKnowledge(db, input.engagementId);
    const base = { client, preparedBy: firmName, date: input.date, knowledge };
    switch (kind) {
      case 'service-plan': {
        await step(40, `排版项目法律服务方案（${plan.stages.length} 个阶段、${plan.communities.length} 个社区）`);
        const lawyers = engagement.members.filter((member) => member.role === 'lawyer');
        const team: PlanTeamMember[] = [
          ...engagement.members
            .filter((member) => member.role === 'pm' || member.role === 'partner')
            .sort((a, b) => (a.role === 'pm' ? -1 : b.role === 'pm' ? 1 : 0))
            .map((member) => ({
              name: member.user.displayName,
              role: ROLE_TITLES[member.role as 'pm' | 'partner'],
              duty: member.role === 'pm' ? '统筹项目，主持集体会诊，与委托方对接' : '审核各阶段成果，签署阶段验收意见',
            })),
          ...lawyers.map((member, index) => ({
            name: member.user.displayName,
            role: index === 0 ? '主办律师' : '协办律师',
            duty: index === 0 ? '负责各阶段成果的起草与落实' : '参与调研、起草并跟进各社区工作',
          })),
        ];
        return renderServicePlan({
          engagementName: engagement.name,
          client,
          firm: { name: firmName },
          communities: plan.communities.map((community) => ({ name: community.name })),
          team,
          background: servicePlanBackground(client, plan.communities.length),
          serviceContent: SERVICE_CONTENT,
          stages: planStages(plan),
          date: input.date,
        });
      }
      case 'violations-list':
        await step(40, `排版违法行为查处职权部门清单（${knowledge.violations.length} 项）`);
        return renderViolationsList({ clientName: client.name, generatedOn: input.date, preparedBy: firmName, items: violationListItemsFromKnowledge(knowledge.violations, knowledge.laws) });
      case 'powers-manual':
        await step(40, `排版行权手册（${knowledge.powers.length} 项职权）`);
        return renderPowersManual(powersManualInputFromKnowledge(base));
      case 'powers-table':
        await step(40, `排版职权梳理表（${knowledge.powers.length} 项职权）`);
        return renderPowersTableWorkbook(powersTableInputFromKnowledge(base));
      case 'law-compilation':
        await step(40, `排版职权法律法规汇编（${knowledge.laws.length} 部）`);
        return renderLawCompilation(lawCompilationInputFromKnowledge(base));
      case 'residents-convention': {
        const community = communityOf(plan, input.deliverableKey);
        await step(40, `排版${community.name}居民公约（草案）`);
        return renderResidentsConvention({ communityName: community.name, streetOffice: client.name.replace(/^北京市[^区县]*[区县]/, '') });
      }
      case 'research-report': {
        await step(30, '汇总问卷结果、座谈纪要和问题清单');
        const report = await researchReportInput(db, { engagementId: input.engagementId, plan, client, preparedBy: firmName, date: input.date, violations: knowledge.violations });
        await step(50, `排版调研报告（${report.questionnaires.reduce((sum, row) => sum + row.returned, 0)} 份问卷、${report.sessions.length} 场座谈、${report.problems.length} 项问题）`);
        return renderResearchReport(report);
      }
      case 'joint-enforcement-plan': {
        await step(30, '汇总调研发现的问题和职能部门座谈记录');
        const problems = await foundProblems(db, input.engagementId, plan, knowledge.violations);
        const symposiums = await departmentSymposiums(db, input.engagementId, plan, input.date);
        await step(50, `排版联动执法方案（${problems.length} 项调研发现的问题、${symposiums.length} 场部门座谈）`);
        return renderJointEnforcementPlan(jointEnforcementPlanInputFromKnowledge({ ...base, problems, symposiums }));
      }
      case 'open-letter': {
        const community = communityOf(plan, input.deliverableKey);
        await step(30, `查找${community.name}调研中反映最多的问题`);
        const problems = await foundProblems(db, input.engagementId, plan, knowledge.violations);
        // The community's own problem, one a lawyer tagged before one matched by name; else the street's commonest.
        const own = problems.filter((problem) => problem.communities.includes(community.name));
        const found = own.find((problem) => problem.confirmed) ?? own[0] ?? problems[0];
        const violation = knowledge.violations.find((entry) => entry.key === found?.violationKey) ?? knowledge.violations.find((entry) => entry.key === FALLBACK_LETTER_TOPIC) ?? knowledge.violations[0];
        if (!violation) throw ApplicationFailure.nonRetryable('本项目知识库中没有违法行为条目，无法起草公开信', 'generation_refused');
        await step(50, `排版致${community.name}居民的公开信（${violation.title}）`);
        const raised = found?.raisedIn?.[community.name];
        return renderOpenLetter(openLetterInputFromKnowledge({ client, communityName: community.name, date: input.date, laws: knowledge.laws, violation, ...(raised ? { raised } : {}) }));
      }
      case 'self-governance-handbook': {
        const community = communityOf(plan, input.deliverableKey);
        await step(30, `读取${community.name}的社区概况和调研发现的问题`);
        const profile = await findCommunityProfileDetails(db, input.engagementId, community.key);
        if (!profile) throw ApplicationFailure.nonRetryable(`尚未填写${community.name}的社区概况（项目“实地调研”页的“社区概况”），请先填写再生成自治手册`, 'generation_refused');
        // The community's own problems first (those a lawyer tagged before those matched by name), then the street's commonest, then the rest of the catalogue.
        const problems = await foundProblems(db, input.engagementId, plan, knowledge.violations);
        const own = problems.filter((problem) => problem.communities.includes(community.name));
        const order = [...own.filter((problem) => problem.confirmed), ...own, ...problems].map((problem) => problem.violationKey);
        const violations = [...new Set([...order, ...knowledge.violations.map((entry) => entry.key)])].flatMap((key) => knowledge.violations.find((entry) => entry.key === key) ?? []);
        await step(50, `排版${community.name}规范管理自治手册（${profile.compounds.length} 个小区、${order.length > 0 ? `${new Set(order).size} 项调研发现的问题` : '调研未发现问题'}）`);
        return renderSelfGovernanceHandbook(selfGovernanceHandbookInputFromKnowledge({ client, preparedBy: firmName, date: input.date, communityName: community.name, profile, violations }));
      }
      case 'closing-report': {
        await step(30, '汇总各阶段完成情况、成果、公约表决、培训和推广活动');
        const report = await closingReportInput(db, { engagementId: input.engagementId, engagementName: engagement.name, plan, client, preparedBy: firmName, date: input.date });
        await step(50, `排版项目总结报告（${report.deliverables?.length ?? 0} 份成果、${report.conventions?.length ?? 0} 个社区公约）`);
        return renderClosingReport(report);
      }
      default:
        throw ApplicationFailure.nonRetryable(`暂不支持自动生成此类文稿（${kind}）`, 'generation_refused');
    }
  }

  return {
    async beginGeneration({ generationId, engagementId, deliverableId, requestedById, at }) {
      const deliverable = await db.deliverable.findUniqueOrThrow({ where: { id: deliverableId }, select: { key: true, task: { select: { key: true } } } });
      const generator = generatorForDeliverable(deliverable.key);
      if (!generator) throw ApplicationFailure.nonRetryable(`暂不支持自动生成该成果（${deliverable.key}）`, 'generation_refused');
      await db.generatedDocument.createMany({
        data: [{ id: generationId, key: `generation:${generationId}`, engagementId, deliverableId, kind: generator.kind, format: generator.format, step: '排队等候', createdById: requestedById, createdAt: new Date(at) }],
        skipDuplicates: true,
      });
      await publishChange(db, { engagementId, type: 'deliverable.updated', key: deliverable.task.key });
    },

    async generateDocument({ generationId }) {
      const row = await db.generatedDocument.findUniqueOrThrow({
        where: { id: generationId },
        include: { deliverable: { select: { id: true, key: true, titleZh: true, task: { select: { key: true } } } } },
      });
      if (row.status === 'done') return { status: 'done', sha256: row.sha256 };
      if (row.status === 'failed') return { status: 'failed', sha256: null };
      const deliverable = row.deliverable!;
      const generator = generatorForDeliverable(deliverable.key)!;
      const date = civilDateAt(new Date());
      const content = await render(generator.kind, { engagementId: row.engagementId, deliverableKey: deliverable.key, date, generationId, taskKey: deliverable.task.key });

      await progress(generationId, row.engagementId, deliverable.task.key, 85, '保存文件');
      const stored = await files.put(content);
      const fileName = `${deliverable.titleZh}（生成稿 ${date}）.${generator.format}`;
      const finishedAt = new Date();
      await db.$transaction(async (tx) => {
        const current = await tx.generatedDocument.findUniqueOrThrow({ where: { id: generationId }, select: { status: true } });
        if (current.status !== 'running') return;
        const upload = await tx.deliverableUpload.create({
          data: { deliverableId: deliverable.id, sha256: stored.sha256, storageKey: stored.storageKey, fileName, mimeType: OFFICE_MIME_TYPES[generator.format], sizeBytes: stored.sizeBytes, uploadedById: row.createdById!, uploadedAt: finishedAt },
        });
        await tx.generatedDocument.update({
          where: { id: generationId },
          data: { status: 'done', progress: 100, step: '已完成', fileName, mimeType: OFFICE_MIME_TYPES[generator.format], storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, uploadId: upload.id, finishedAt },
        });
        await audit(tx, {
          key: auditKey.documentGenerated(generationId),
          engagementId: row.engagementId,
          actorId: row.createdById,
          action: 'deliverable.generated',
          entityType: 'deliverable',
          entityId: deliverable.id,
          after: { kind: generator.kind, fileName, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
          at: finishedAt.toISOString(),
        });
      });
      await publishChange(db, { engagementId: row.engagementId, type: 'deliverable.updated', key: deliverable.task.key });
      return { status: 'done', sha256: stored.sha256 };
    },

    async failGeneration({ generationId, message }) {
      const row = await db.generatedDocument.findUniqueOrThrow({ where: { id: generationId }, select: { engagementId: true, deliverable: { select: { task: { select: { key: true } } } } } });
      await db.generatedDocument.updateMany({ where: { id: generationId, status: 'running' }, data: { status: 'failed', error: message.slice(0, 1000), step: '生成失败', finishedAt: new Date() } });
      await publishChange(db, { engagementId: row.engagementId, type: 'deliverable.updated', ...(row.deliverable ? { key: row.deliverable.task.key } : {}) });
    },
  };
}
