import { type Client } from '@temporalio/client';
import { type Db, DEMO_USERS } from '@gongzhi/db';
import { renderDeliverableDraft, renderOpenLetter, renderResidentsConvention, renderViolationsList, violationListItemsFromKnowledge } from '@gongzhi/documents';
import { type EngagementPlan, laws, OFFICE_MIME_TYPES, type PlannedTask, violationEntries } from '@gongzhi/domain';
import { createStore, type FileStore, storeConfigFromEnv } from '@gongzhi/storage';
import { createEngagementClient } from '../client';
import { ENGAGEMENT_TASK_QUEUE } from '../ids';
import { driveEngagement } from './drive';
import { seedDemoCases } from './seed-demo-cases';
import { seedDemoHotline } from './seed-demo-hotline';
import { seedDemoResearch } from './seed-demo-research';
import { seedDemoWorkLog } from './seed-demo-work-log';
import { seedDemoAdoptions } from './seed-demo-adoptions';
import { seedDemoConsultations } from './seed-demo-consultations';
import { type SubmittedFile } from '../workflows/definitions';

/** Fixed, so seeding twice finds the demo rather than making another. */
export const DEMO_ENGAGEMENT_ID = '0195f2a0-0000-7000-8000-00000000de00';

const { docx: DOCX, xlsx: XLSX } = OFFICE_MIME_TYPES;

const communities = [
  { key: 'hepingli-bei', name: '和平里北社区' },
  { key: 'anding', name: '安定门社区' },
  { key: 'qingnianhu', name: '青年湖社区' },
  { key: 'xinghua', name: '兴化社区' },
  { key: 'hepingli-xi', name: '和平里西社区' },
];

/**
 * The demo: 和平里街道's engagement with five communities, started in September so that by now
 * proposal, training and research are done, the government and self-governance stages are in
 * progress, one deliverable came back with comments and some work is overdue. Every deliverable
 * is a real Word or Excel file in the file store.
 */
export async function seedDemoEngagement({ db, temporal, storeEnv, taskQueue = ENGAGEMENT_TASK_QUEUE, log = console.log }: { db: Db; temporal: Client; storeEnv: Record<string, string | undefined>; taskQueue?: string; log?: (message: string) => void }): Promise<void> {
  // Where the API and the worker keep files (GONGZHI_FILES_DIR or GONGZHI_S3_*): the demo's go there too.
  const parsed = storeConfigFromEnv(storeEnv);
  if (!parsed.config) throw new Error(`the demo cannot store its files:\n  ${parsed.problems.join('\n  ')}`);
  const store = createStore(parsed.config);
  try {
    await seedDemo({ db, temporal, store, taskQueue, log });
  } finally {
    store.close();
  }
}

async function seedDemo({ db, temporal, store, taskQueue, log }: { db: Db; temporal: Client; store: FileStore; taskQueue: string; log: (message: string) => void }): Promise<void> {
  const users = new Map((await db.user.findMany({ where: { username: { in: DEMO_USERS.map((user) => user.username) } } })).map((user) => [user.username, user]));
  const id = (username: string) => {
    const user = users.get(username);
    if (!user) throw new Error(`demo user ${username} is missing: seed the demo users first`);
    return user.id;
  };
  const engagements = createEngagementClient({ db, temporal, taskQueue });
  const research = async () => {
    await seedDemoResearch({ db, engagements, engagementId: DEMO_ENGAGEMENT_ID, pmId: id('pm'), lawyerId: id('lawyer') });
    await seedDemoCases({ db, engagements, engagementId: DEMO_ENGAGEMENT_ID, people: { pm: await id('pm'), lawyer: await id('lawyer'), client: await id('client') } });
    await seedDemoHotline({ db, engagements, engagementId: DEMO_ENGAGEMENT_ID, store, pmId: id('pm'), lawyerId: id('lawyer') });
    await seedDemoWorkLog({ db, engagements, engagementId: DEMO_ENGAGEMENT_ID, people: { pm: id('pm'), lawyer: id('lawyer'), lawyer2: id('lawyer2') } });
    await seedDemoConsultations({ db, engagements, engagementId: DEMO_ENGAGEMENT_ID, people: { pm: id('pm'), partner: id('partner'), lawyer: id('lawyer'), lawyer2: id('lawyer2') } });
    await seedDemoAdoptions({ db, engagements, engagementId: DEMO_ENGAGEMENT_ID, pmId: id('pm'), lawyerId: id('lawyer') });
  };
  // Seeded before: only what later versions of the demo added (each part finds its own).
  if (await db.engagement.findUnique({ where: { id: DEMO_ENGAGEMENT_ID }, select: { id: true } })) return research();
  const { plan } = await engagements.startEngagement({
    engagementId: DEMO_ENGAGEMENT_ID,
    name: '和平里街道创新社区治理法律服务项目',
    clientName: '北京市东城区和平里街道办事处',
    clientKind: 'street',
    createdById: id('pm'),
    templateKey: 'community-governance',
    startDate: '2026-09-01',
    communities,
    departments: [
      { key: 'enforcement', name: '街道综合行政执法队' },
      { key: 'fire', name: '东城消防救援支队' },
      { key: 'police', name: '和平里派出所' },
      { key: 'housing', name: '区住房和城乡建设委员会' },
      { key: 'greening', name: '区园林绿化局' },
      { key: 'planning', name: '区规划和自然资源委员会' },
    ],
    team: { pm: id('pm'), partner: id('partner'), lawyers: [id('lawyer'), id('lawyer2')], client: id('client') },
  });
  const authorOf = new Map([...users.values()].map((user) => [user.id, user.displayName]));
  const fileFor = async (task: PlannedTask, revision: number): Promise<SubmittedFile> => {
    const { content, fileName, mimeType } = await renderDemoDeliverable(plan, task, revision, authorOf.get(task.assigneeId) ?? '项目律师');
    const stored = await store.put(content);
    return { ...stored, fileName, mimeType };
  };
  // Far enough to open both parallel stages 4 and 5, not so far that the demo is finished.
  await driveEngagement({ db, engagements }, DEMO_ENGAGEMENT_ID, plan, { sendBack: ['research-report'], maxCommands: 60, fileFor });
  await research();
  log(`demo engagement ${DEMO_ENGAGEMENT_ID} seeded`);
}

async function renderDemoDeliverable(plan: EngagementPlan, task: PlannedTask, revision: number, preparedBy: string) {
  const deliverable = task.deliverable!;
  const community = plan.communities.find((candidate) => candidate.key === task.communityKey);
  const clientName = '北京市东城区和平里街道办事处';
  const date = task.dueDate;
  const fileName = (extension: string) => `${deliverable.title.zh}${community ? `-${community.name}` : ''}-第${revision}稿.${extension}`;
  if (deliverable.kind === 'xlsx' && task.templateTaskKey === 'violations-list') {
    return { content: await renderViolationsList({ clientName, generatedOn: date, items: violationListItemsFromKnowledge(violationEntries, laws) }), fileName: fileName('xlsx'), mimeType: XLSX };
  }
  if (task.templateTaskKey === 'convention-draft' && community) {
    return { content: await renderResidentsConvention({ communityName: community.name, streetOffice: '和平里街道办事处' }), fileName: fileName('docx'), mimeType: DOCX };
  }
  if (task.templateTaskKey === 'open-letter' && community) {
    const content = await renderOpenLetter({
      communityName: community.name,
      problem: '近期部分居民在楼道内堆放杂物、停放电动自行车并飞线充电，堵塞疏散通道，存在严重火灾隐患。',
      legalBasis: ['《中华人民共和国消防法》第二十八条：任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。'],
      requests: ['请于本周内清理楼道内堆放的个人物品。', '电动自行车请停放至小区集中充电区域，严禁飞线充电、入户充电。'],
      issuer: `${community.name}居民委员会`,
      date,
    });
    return { content, fileName: fileName('docx'), mimeType: DOCX };
  }
  const content = await renderDeliverableDraft({
    engagementName: '和平里街道创新社区治理法律服务项目',
    clientName,
    ...(community ? { communityName: community.name } : {}),
    title: deliverable.title.zh,
    revision,
    preparedBy,
    date,
    sections: [
      { heading: '一、工作依据', body: '《中共中央、国务院关于加强和完善城乡社区治理的意见》\n《北京市街道办事处条例》\n《城市居民委员会组织法》' },
      { heading: '二、主要内容', body: `${task.title.zh}：按项目法律服务方案完成，${revision > 1 ? '已根据合伙人审阅意见补充法律依据并核对各社区数据。' : '详见正文。'}` },
    ],
  });
  return { content, fileName: fileName('docx'), mimeType: DOCX };
}
