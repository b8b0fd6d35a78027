import { type Db } from '@gongzhi/db';
import { addCalendarDays, civilDateAt, type WorkLogActivity } from '@gongzhi/domain';
import { type EngagementClient } from '../client';

type Person = 'pm' | 'lawyer' | 'lawyer2';

interface DemoEntry {
  id: string;
  daysAgo: number;
  by: Person;
  activity: WorkLogActivity;
  community: string | null;
  minutes: number;
  shared: boolean;
  note: string;
  withdrawn?: string;
}

// Fixed ids: a re-run finds the entries it made.
const DEMO_ENTRIES: DemoEntry[] = [
  { id: '0195f2a0-0000-7000-8000-00000000ab01', daysAgo: 2, by: 'lawyer', activity: 'visit', community: 'anding', minutes: 90, shared: true, note: '到安定门社区复查5号楼2单元楼道堆物，与居委会孙桂芳主任核对倡议书张贴情况：201户已清理，302户约定周六由物业协助搬运旧家具。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab02', daysAgo: 5, by: 'lawyer2', activity: 'lecture', community: 'hepingli-bei', minutes: 120, shared: true, note: '在和平里北社区党群服务中心开展“电动自行车安全停放与充电”法治讲座，居民42人参加，现场解答提问9个。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab03', daysAgo: 6, by: 'lawyer', activity: 'advice', community: 'qingnianhu', minutes: 45, shared: false, note: '接待青年湖社区3名居民咨询小区公共收益的使用和公示，建议居委会督促物业服务企业按季度在公告栏公示收支明细。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab04', daysAgo: 8, by: 'pm', activity: 'meeting', community: null, minutes: 60, shared: true, note: '与街道平安建设办公室召开月度工作例会，汇报10月问题案件办理进展，确定12月法治讲座和居民公约表决的排期。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab05', daysAgo: 10, by: 'lawyer2', activity: 'review', community: null, minutes: 150, shared: true, note: '审查街道拟印发的《和平里街道社区停车秩序管理工作方案（征求意见稿）》，出具书面修改意见6条，主要涉及收费依据和拖移车辆的程序。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab06', daysAgo: 12, by: 'lawyer', activity: 'mediation', community: 'hepingli-xi', minutes: 100, shared: false, note: '参与和平里西社区7号楼楼上楼下漏水纠纷调解，双方就维修费用分担达成一致，居委会跟进签订书面调解协议。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab07', daysAgo: 15, by: 'lawyer', activity: 'drafting', community: 'xinghua', minutes: 180, shared: true, note: '起草《兴化社区居民公约（草案）》第三稿，吸收居民座谈会意见，新增文明养犬和楼道公共空间使用条款。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab08', daysAgo: 19, by: 'lawyer2', activity: 'visit', community: 'xinghua', minutes: 80, shared: true, note: '走访兴化社区，与社区党委书记、物业项目经理座谈，梳理消防通道占用和地下空间使用问题清单共7项。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab09', daysAgo: 20, by: 'lawyer', activity: 'visit', community: 'anding', minutes: 90, shared: false, note: '走访安定门社区居委会，收集居民公约初稿意见。', withdrawn: '与安定门社区居民代表座谈会的记录重复' },
  { id: '0195f2a0-0000-7000-8000-00000000ab10', daysAgo: 22, by: 'lawyer', activity: 'lecture', community: null, minutes: 150, shared: true, note: '为街道机关干部和5个社区的书记、主任开展“街道行政执法职权与程序”专题培训，参加38人，发放职权梳理表征求意见。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab11', daysAgo: 26, by: 'pm', activity: 'meeting', community: 'anding', minutes: 90, shared: true, note: '组织安定门社区居民代表座谈会，逐条讨论居民公约初稿，收集意见15条，其中楼道堆物和车辆停放意见最集中。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab12', daysAgo: 30, by: 'lawyer2', activity: 'advice', community: 'hepingli-bei', minutes: 30, shared: false, note: '电话解答和平里北社区居委会关于业主委员会换届筹备组组成的咨询，提示需在街道指导下进行。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab13', daysAgo: 33, by: 'lawyer', activity: 'review', community: 'qingnianhu', minutes: 60, shared: true, note: '审查青年湖社区拟与物业服务企业续签的物业服务合同，提示服务标准和违约责任条款约定不明确之处4处。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab14', daysAgo: 41, by: 'lawyer', activity: 'visit', community: 'hepingli-bei', minutes: 120, shared: true, note: '随街道综合行政执法队到和平里北街11号院查看飞线充电整改情况，3号楼仍有2户在楼道充电，已告知居委会按公约处理。' },
  { id: '0195f2a0-0000-7000-8000-00000000ab15', daysAgo: 48, by: 'lawyer2', activity: 'drafting', community: null, minutes: 240, shared: false, note: '起草街道职权梳理表初稿，逐项列明事项名称、法律依据和实施主体，依据待核实的事项已标注。' },
];

/**
 * The demo engagement's 工作日志: the last seven weeks of the team's visits, lectures, reviews and
 * meetings, most shared with the street office's progress feed, one withdrawn as a duplicate.
 * Each entry goes through the engagement's work-log workflow as a lawyer would log it.
 */
export async function seedDemoWorkLog({ db, engagements, engagementId, people }: { db: Db; engagements: EngagementClient; engagementId: string; people: Record<Person, string> }): Promise<void> {
  if ((await db.workLogEntry.count({ where: { engagementId } })) > 0) return;
  const today = civilDateAt(new Date());
  for (const entry of DEMO_ENTRIES) {
    const actorId = people[entry.by];
    await engagements.workLogCommand(engagementId, {
      kind: 'log',
      actorId,
      id: entry.id,
      communityKey: entry.community,
      workedOn: addCalendarDays(today, -entry.daysAgo),
      minutes: entry.minutes,
      activity: entry.activity,
      note: entry.note,
      clientVisible: entry.shared,
    });
    if (entry.withdrawn) await engagements.workLogCommand(engagementId, { kind: 'withdraw', actorId, id: entry.id, reason: entry.withdrawn });
  }
}
