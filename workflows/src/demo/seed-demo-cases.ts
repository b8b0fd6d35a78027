import { type Db } from '@gongzhi/db';
import { addCalendarDays, type CaseAction, type CaseReport, civilDateAt, resolveCasePeriods } from '@gongzhi/domain';
import { type EngagementClient } from '../client';

/** An action a number of days ago, by one of the demo people (a deferral's `reviewOn` as `+<days>` from today). */
type DemoStep = CaseAction extends infer Action ? (Action extends CaseAction ? Omit<Action, 'on'> & { daysAgo: number; by: 'pm' | 'lawyer' | 'client' } : never) : never;

interface DemoCase {
  id: string;
  report: Omit<CaseReport, 'reporterId' | 'reportedOn'> & { daysAgo: number; by: 'pm' | 'lawyer' | 'client' };
  steps: DemoStep[];
}

// Fixed ids: a re-run finds the cases it made.
const DEMO_CASES: DemoCase[] = [
  {
    id: '0195f2a0-0000-7000-8000-00000000ca01',
    report: { daysAgo: 6, by: 'client', communityKey: 'anding', title: '5号楼2单元楼道堆放杂物', description: '5号楼2单元一至三层楼道长期堆放纸箱、旧家具和花盆，居民反映影响通行，夜间存在消防隐患。', place: '安定门社区5号楼2单元', violationKey: 'stairwell-clutter', sourceProblemId: null },
    steps: [
      { daysAgo: 4, by: 'lawyer', type: 'publishLetter', channel: '楼门张贴、单元居民微信群', approvedBy: '安定门社区居委会主任 孙桂芳', note: '倡议书由居委会盖章后张贴于单元门口' },
      { daysAgo: 3, by: 'lawyer', type: 'logVisit', visitor: '网格员刘敏、居委会委员周建国', visited: '5号楼2单元201、302户', note: '两户同意周末前清理，302户要求物业协助搬运旧家具' },
    ],
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000ca02',
    report: { daysAgo: 34, by: 'lawyer', communityKey: 'hepingli-bei', title: '电动自行车推入楼道、飞线充电', description: '和平里北街11号院3号楼多户将电动自行车推入楼道，从窗口私拉电线充电，物业劝阻无效。', place: '和平里北街11号院3号楼', violationKey: 'unsafe-e-bike-charging', sourceProblemId: null },
    steps: [
      { daysAgo: 33, by: 'lawyer', type: 'publishLetter', channel: '居民微信群、楼门张贴', approvedBy: '和平里北社区居委会主任 王淑芬', note: '附集中充电桩位置和收费标准' },
      { daysAgo: 30, by: 'lawyer', type: 'logVisit', visitor: '网格员王丽', visited: '3号楼1单元6户', note: '4户已改到集中充电桩充电，2户仍在楼道充电' },
      { daysAgo: 20, by: 'pm', type: 'escalate', reason: '倡议书发布两周后仍有住户飞线充电，转居委会按公约处理' },
      { daysAgo: 18, by: 'lawyer', type: 'applyMeasures', clause: '和平里北社区居民公约第六条（电动自行车停放与充电）', measures: '居委会约谈两户当事人，在楼门公示栏通报，物业拆除飞线' },
    ],
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000ca03',
    report: { daysAgo: 45, by: 'client', communityKey: 'qingnianhu', title: '小区南门消防通道被私家车长期占用', description: '青年湖西里小区南门消防通道夜间常有私家车停放，消防车无法通行；居委会多次张贴提示无效。', place: '青年湖西里小区南门消防通道', violationKey: 'fire-lane-obstruction', sourceProblemId: null },
    steps: [
      { daysAgo: 44, by: 'lawyer', type: 'escalate', reason: '此前居委会已多次张贴提示、劝导无效，直接按公约处理' },
      { daysAgo: 42, by: 'lawyer', type: 'applyMeasures', clause: '青年湖社区居民公约第九条（消防通道）', measures: '居委会约谈车主，在小区公告栏公示占道车辆车牌' },
      { daysAgo: 40, by: 'lawyer', type: 'recordMediation', parties: '车主与南门相邻住户', outcome: 'not_agreed', note: '车主称小区车位不足，拒绝挪车' },
      { daysAgo: 40, by: 'pm', type: 'escalate', reason: '约谈和调解无效，消防通道仍被占用，移送执法' },
      { daysAgo: 39, by: 'lawyer', type: 'refer', department: '区消防救援支队', note: '附照片6张、居委会约谈记录' },
      { daysAgo: 37, by: 'lawyer', type: 'sendBack', reason: '住宅小区内部道路停车，请街道综合行政执法队先行处理' },
      { daysAgo: 36, by: 'lawyer', type: 'refer', department: '和平里街道综合行政执法队', note: '附移送函、照片6张、约谈和调解记录' },
      { daysAgo: 35, by: 'lawyer', type: 'accept', handler: '执法队二中队', note: '已受理，承诺现场核查' },
    ],
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000ca04',
    report: { daysAgo: 40, by: 'lawyer', communityKey: 'xinghua', title: '公共车位私装地锁', description: '兴化西里2号楼前公共车位被私装地锁4个，其他居民无法停车。', place: '兴化西里2号楼前公共停车区', violationKey: 'private-parking-locks', sourceProblemId: null },
    steps: [
      { daysAgo: 38, by: 'lawyer', type: 'publishLetter', channel: '楼门张贴、入户发放', approvedBy: '兴化社区居委会主任 张秀兰', note: '倡议书附物业统一停车管理办法' },
      { daysAgo: 35, by: 'lawyer', type: 'logVisit', visitor: '居委会主任张秀兰、物业项目经理', visited: '安装地锁的4户', note: '4户均同意自行拆除' },
      { daysAgo: 30, by: 'lawyer', type: 'resolve', summary: '4个地锁已全部拆除，车位恢复公共使用' },
      { daysAgo: 29, by: 'pm', type: 'verify', passed: true, note: '现场核查，2号楼前已无地锁' },
    ],
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000ca05',
    report: { daysAgo: 12, by: 'lawyer', communityKey: 'hepingli-xi', title: '底商餐馆夜间噪声扰民', description: '和平里西街一层餐馆夜间后厨排风机噪声大，楼上住户多次投诉。', place: '和平里西街23号楼底商', violationKey: 'noise-nuisance', sourceProblemId: null },
    steps: [
      { daysAgo: 10, by: 'lawyer', type: 'publishLetter', channel: '送达餐馆经营者并在楼门张贴', approvedBy: '和平里西社区居委会副主任 陈立新' },
      { daysAgo: 5, by: 'pm', type: 'defer', reason: '餐馆已报装新排风设备，厂家排期施工，待设备更换后复查', reviewOn: '+20' },
    ],
  },
];

/** 德治典型 the demo's communities recognised: two in the cases above, one on its own. */
const DEMO_HOUSEHOLDS = [
  {
    id: '0195f2a0-0000-7000-8000-00000000cb01',
    communityKey: 'xinghua',
    household: '兴化西里2号楼3单元 赵玉兰家',
    deeds: '率先拆除自家安装的地锁，并逐户上门劝说另外3户拆除，2号楼前公共车位恢复公共使用。',
    daysAgo: 28,
    recognizedBy: '兴化社区居委会',
    caseId: '0195f2a0-0000-7000-8000-00000000ca04',
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000cb02',
    communityKey: 'anding',
    household: '安定门社区5号楼2单元 刘建国家',
    deeds: '主动清理自家堆放在楼道的旧家具，带领同单元住户组建楼道值日小组，每周巡查一次。',
    daysAgo: 2,
    recognizedBy: '安定门社区居委会',
    caseId: '0195f2a0-0000-7000-8000-00000000ca01',
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000cb03',
    communityKey: 'hepingli-bei',
    household: '和平里北街11号院 孙志强家',
    deeds: '退休电工，义务为院内居民检查电动自行车充电线路，协助物业引导居民到集中充电桩充电。',
    daysAgo: 15,
    recognizedBy: '和平里北社区居委会',
    caseId: null,
  },
] as const;

/**
 * The demo engagement's problem cases, dated back from today so the board looks current: one in its
 * observation period, one under the convention, one with the department and red-carded, one resolved
 * at 德治 and verified, one deferred. Each goes through its own workflow as a person would record it;
 * then the 德治典型 the communities recognised.
 */
export async function seedDemoCases({ db, engagements, engagementId, people }: { db: Db; engagements: EngagementClient; engagementId: string; people: Record<'pm' | 'lawyer' | 'client', string> }): Promise<void> {
  if ((await db.problemCase.count({ where: { engagementId } })) > 0) return;
  const today = civilDateAt(new Date());
  const ago = (days: number) => addCalendarDays(today, -days);
  for (const demo of DEMO_CASES) {
    const { daysAgo, by, ...report } = demo.report;
    await engagements.reportCase({ caseId: demo.id, engagementId, report: { ...report, reportedOn: ago(daysAgo), reporterId: people[by] }, periods: resolveCasePeriods(null, report.violationKey) });
    for (const { daysAgo: stepAgo, by: actor, ...action } of demo.steps) {
      const dated = { ...action, on: ago(stepAgo) } as CaseAction;
      if (dated.type === 'defer') dated.reviewOn = addCalendarDays(today, Number(dated.reviewOn.slice(1)));
      await engagements.caseCommand(demo.id, { ...dated, actorId: people[actor] });
    }
  }
  for (const { daysAgo, ...household } of DEMO_HOUSEHOLDS) {
    await engagements.modelHouseholdCommand(engagementId, { kind: 'record', actorId: people.lawyer, ...household, recognizedOn: ago(daysAgo) });
  }
}
