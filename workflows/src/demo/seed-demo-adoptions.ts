import { randomBytes } from 'node:crypto';
import { type Db, hashLinkToken } from '@gongzhi/db';
import { addCalendarDays, civilDateAt, type MeetingFigures, type OwnersMatter } from '@gongzhi/domain';
import { type EngagementClient } from '../client';

interface DemoAdoption {
  id: string;
  community: string;
  instrument: 'residents_convention' | 'owners_rules';
  matter: OwnersMatter | null;
  title: (communityName: string) => string;
  notice: { from: number; to: number; location: string };
  meetings: { id: string; heldOn: number; figures: MeetingFigures; note: string }[];
  /** Residents' comments through links during the notice, and the team's answers. */
  comments?: { linkId: string; signedAs: string; items: { id: string; clause: string; body: string; answer?: string }[] }[];
}

// Fixed ids; days relative to today.
const DEMO_ADOPTIONS: DemoAdoption[] = [
  {
    id: '0195f2a0-0000-7000-8000-00000000d002',
    community: 'qingnianhu',
    instrument: 'owners_rules',
    matter: 'ordinary',
    title: () => '《青年湖小区管理规约（修订）》',
    notice: { from: -28, to: -20, location: '小区各单元门公告栏、业主微信群' },
    meetings: [
      {
        id: '0195f2a0-0000-7000-8000-00000000d103',
        heldOn: -9,
        figures: { kind: 'owners', totalArea: 48_236.57, totalOwners: 562, participatingArea: 35_102.4, participatingOwners: 431, areaFor: 29_870.15, ownersFor: 372 },
        note: '书面征求意见与现场投票相结合，业委会计票，居委会派员监督。',
      },
    ],
  },
  {
    id: '0195f2a0-0000-7000-8000-00000000d003',
    community: 'hepingli-xi',
    instrument: 'owners_rules',
    matter: 'special',
    title: () => '关于7号楼加装电梯的决定（草案）',
    notice: { from: -2, to: 8, location: '7号楼各单元门、小区公告栏' },
    meetings: [],
    comments: [
      {
        linkId: '0195f2a0-0000-7000-8000-00000000bf01',
        signedAs: '7号楼1单元 一层住户 刘先生',
        items: [
          {
            id: '0195f2a0-0000-7000-8000-00000000bc01',
            clause: '第三条',
            body: '一层住户不使用电梯，不应分摊加装费用和今后的运行维护费用；另外电梯井贴近我家窗户，采光会受影响，希望给予补偿。',
            answer: '已采纳部分意见：修改稿第三条明确一层住户不分摊建设费用与运行维护费用；采光影响将由设计单位出具日照分析报告，如确有影响，由受益住户协商给予补偿，协商情况在楼栋协商会上公开。',
          },
        ],
      },
      {
        linkId: '0195f2a0-0000-7000-8000-00000000bf02',
        signedAs: '',
        items: [
          { id: '0195f2a0-0000-7000-8000-00000000bc02', clause: '第五条', body: '动用专项维修资金前，请公布7号楼维修资金账户余额和本次拟使用的金额，施工单位如何选定也应公开。' },
          { id: '0195f2a0-0000-7000-8000-00000000bc03', clause: '', body: '施工期间请保证单元门口的消防通道畅通，电动自行车临时停放点要提前安排。' },
        ],
      },
    ],
  },
];

/**
 * The demo engagement's 民主程序 (no community's convention draft is approved in the demo yet, so
 * none is on notice): an owners' 管理规约 adopted by its vote; and an owners' special matter (adding an elevator to a
 * building: 改建, 民法典 Art. 278 item 7) on notice now, with residents' comments and an answer. Each goes through its workflow, which computes every verdict.
 */
export async function seedDemoAdoptions({ db, engagements, engagementId, pmId, lawyerId }: { db: Db; engagements: EngagementClient; engagementId: string; pmId: string; lawyerId: string }): Promise<void> {
  if ((await db.conventionAdoption.count({ where: { engagementId } })) > 0) return;
  const today = civilDateAt(new Date());
  const communities = await db.community.findMany({ where: { engagementId }, select: { id: true, key: true, name: true }, orderBy: { key: 'asc' } });
  for (const adoption of DEMO_ADOPTIONS) {
    const community = communities.find((candidate) => candidate.key === adoption.community);
    if (!community) continue;
    await engagements.openAdoption({
      adoptionId: adoption.id,
      engagementId,
      open: {
        actorId: pmId,
        communityId: community.id,
        instrument: adoption.instrument,
        matter: adoption.matter,
        title: adoption.title(community.name),
        noticeFrom: addCalendarDays(today, adoption.notice.from),
        noticeTo: addCalendarDays(today, adoption.notice.to),
        location: adoption.notice.location,
      },
    });
    for (const set of adoption.comments ?? []) {
      // A token nobody is handed (already used by the demo's comments): only its hash is kept, as for real links.
      const tokenHash = hashLinkToken(randomBytes(24).toString('base64url'));
      await engagements.adoptionCommand(engagementId, adoption.id, { kind: 'issue_links', actorId: lawyerId, links: [{ id: set.linkId, tokenHash }] }, `links:${set.linkId}`);
      await engagements.adoptionCommand(engagementId, adoption.id, { kind: 'comment', tokenHash, comments: set.items.map(({ id, clause, body }) => ({ id, clause, body })), signedAs: set.signedAs }, `comment:${tokenHash}`);
      for (const item of set.items) {
        if (item.answer) await engagements.adoptionCommand(engagementId, adoption.id, { kind: 'answer', actorId: lawyerId, commentId: item.id, answer: item.answer }, `answer:${item.id}`);
      }
    }
    for (const meeting of adoption.meetings) {
      await engagements.adoptionCommand(engagementId, adoption.id, { kind: 'meeting', actorId: pmId, meetingId: meeting.id, heldOn: addCalendarDays(today, meeting.heldOn), figures: meeting.figures, note: meeting.note }, `meeting:${meeting.id}`);
    }
  }
}
