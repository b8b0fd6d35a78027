import { type Db } from '@gongzhi/db';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { type EngagementClient } from '../client';

type Person = 'pm' | 'partner' | 'lawyer' | 'lawyer2';

interface DemoConsultation {
  id: string;
  by: Person;
  topic: string;
  question: string;
  materials: string;
  invitees: Person[];
  dueInDays: number;
  opinions: { id: string; by: Person; body: string }[];
  conclusion?: { by: Person; text: string };
}

// Fixed ids: a re-run finds what it made.
const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    id: '0195f2a0-0000-7000-8000-00000000ac01',
    by: 'lawyer',
    topic: '居民公约能否对乱停车、楼道堆物的居民处以罚款？',
    question:
      '安定门社区居民代表座谈时，多名代表提出在《居民公约》中写入“违反者每次罚款50元，由居委会收取”的条款，以增强约束力。请各位律师就公约能否设定罚款、可以约定哪些约束措施提出意见。',
    materials: '《安定门社区居民公约（草案）》第三稿第十二条；居民代表座谈会记录（共收集意见15条）。依据：《城市居民委员会组织法》第十五条（居民公约不得与法律相抵触）。',
    invitees: ['lawyer2', 'pm'],
    dueInDays: -9,
    opinions: [
      {
        id: '0195f2a0-0000-7000-8000-00000000ad01',
        by: 'lawyer2',
        body: '罚款属于行政处罚，居民公约是居民自我管理的约定，不能设定罚款，居委会也无权收取。建议改为：劝导提醒、在居民小组内通报、取消当年文明家庭评选资格等自治措施，并写明需要执法的情形由居委会报告街道综合行政执法队。',
      },
      {
        id: '0195f2a0-0000-7000-8000-00000000ad02',
        by: 'pm',
        body: '同意不设罚款。补充：公约可约定由楼门长先行劝导，劝导无效的由居委会登记并按问题案件流程转街道处理，便于与“吹哨报到”衔接；条款措辞避免“处罚”“罚款”等字样。',
      },
    ],
    conclusion: {
      by: 'partner',
      text: '居民公约不得设定罚款。公约第十二条改为：一、楼门长、居民小组长先行劝导；二、劝导无效的，由居委会登记并在居民小组内提醒；三、涉及违法行为的，由居委会报告街道，按问题案件流程转综合行政执法队等部门处理；四、可与文明家庭评选挂钩。请起草人据此修改第四稿，并在向居民说明时解释不设罚款的原因。',
    },
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000ac02',
    by: 'pm',
    topic: '未成立业委会的小区，电梯广告收益由谁主张、如何公示？',
    question:
      '青年湖社区3号院未成立业主委员会，物业服务企业收取电梯广告费两年未公示。居民多次向居委会反映，并拨打12345。居委会能否代表业主要求物业公开、返还收益？街道可以采取哪些措施？',
    materials: '青年湖社区居民反映材料3份；12345工单2件（2026年9月、10月）；物业服务合同（2019年签订）第十二条“共用部位经营”。',
    invitees: ['lawyer', 'lawyer2', 'partner'],
    dueInDays: 2,
    opinions: [
      {
        id: '0195f2a0-0000-7000-8000-00000000ad03',
        by: 'lawyer',
        body: '共有部分的经营收益属于业主共有，权利人是全体业主，居委会不是权利人，不宜以自己名义起诉。可由街道、居委会指导业主召开业主大会或成立物业管理委员会，由其要求物业公开收支；同时可建议街道约谈物业企业。',
      },
    ],
  },
];

/**
 * The demo engagement's 会诊: a concluded one on whether the residents' convention may fine (the
 * convention may not impose fines), and an open one on the shared parts' income of a compound with
 * no owners' committee, still waiting for two opinions. Each goes through its workflow.
 */
export async function seedDemoConsultations({ db, engagements, engagementId, people }: { db: Db; engagements: EngagementClient; engagementId: string; people: Record<Person, string> }): Promise<void> {
  if ((await db.consultation.count({ where: { engagementId } })) > 0) return;
  const today = civilDateAt(new Date());
  for (const consultation of DEMO_CONSULTATIONS) {
    await engagements.openConsultation({
      consultationId: consultation.id,
      engagementId,
      open: {
        actorId: people[consultation.by],
        topic: consultation.topic,
        question: consultation.question,
        materials: consultation.materials,
        // A concluded one was due before today; the workflow only reminds about days still ahead.
        dueOn: addCalendarDays(today, consultation.dueInDays),
        taskKey: null,
        holdsTask: false,
        invitees: consultation.invitees.map((person) => people[person]),
      },
    });
    for (const opinion of consultation.opinions) {
      await engagements.consultationCommand(engagementId, consultation.id, { kind: 'opine', actorId: people[opinion.by], opinionId: opinion.id, body: opinion.body });
    }
    if (consultation.conclusion) await engagements.consultationCommand(engagementId, consultation.id, { kind: 'conclude', actorId: people[consultation.conclusion.by], conclusion: consultation.conclusion.text });
  }
}
