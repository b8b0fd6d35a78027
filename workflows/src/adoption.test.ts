// 民主程序 on the real Temporal server: a community's convention, once its draft is approved, goes
// on notice; the notice ends on its timer and completes the community's notice task; a meeting
// without a quorum is on record with why and changes no task; a second meeting passes and completes
// the vote task with its figures; the filing adopts it. While the procedure runs, nobody completes
// those tasks by hand. An owners' matter waits out its notice, and a withdrawal gives tasks back;
// a procedure whose run was terminated is picked up by the next command; an owners' decision is
// adopted by its vote, with no filing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { EngagementCommandError } from './client';
import { sampleFormData } from './demo/sample-form';
import { recordHistory } from './testing/histories';
import { refusalOf } from './testing/refusals';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

const today = () => civilDateAt(new Date());

describe('democratic adoption (民主程序)', () => {
  it('misses the quorum at a first meeting, passes at a second and is filed, completing the community’s tasks itself', { timeout: 300_000 }, async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const key = (task: string) => `self-governance.${task}~chaoyang`;
    const driven = [key('public-notice'), key('residents-meeting-vote'), key('convention-filing')];
    const taskOf = (taskKey: string) => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: taskKey } } });
    await driveEngagement(engine, engagementId, plan, { stopWhen: async () => (await taskOf(driven[0]!)).status === 'active', spare: driven, timeoutMs: 240_000 });
    const community = await engine.db.community.findFirstOrThrow({ where: { engagementId, key: 'chaoyang' } });
    const { pm } = engine.team;
    const adoptionId = crypto.randomUUID();
    const open = { actorId: pm, communityId: community.id, instrument: 'residents_convention' as const, matter: null, title: '《朝阳社区居民公约（修订稿）》', noticeFrom: addCalendarDays(today(), -10), noticeTo: addCalendarDays(today(), -2), location: '朝阳社区居委会公告栏、各楼门公示栏' };

    await engine.engagements.openAdoption({ adoptionId, engagementId, open });
    // The notice ended two days ago: its timer fires at once and completes the notice task.
    const noticeTask = await waitFor(() => taskOf(driven[0]!), (task) => task.status === 'done', 30_000);
    expect(noticeTask.formData).toEqual({ noticeFrom: open.noticeFrom, noticeTo: open.noticeTo, location: open.location });
    await waitFor(() => engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: adoptionId } }), (row) => row.status === 'awaiting_meeting', 30_000);

    // Driven by the procedure: the vote task is not for anyone to complete by hand.
    const vote = plan.tasks.find((task) => task.key === driven[1])!;
    await waitFor(() => taskOf(vote.key), (task) => task.status === 'active', 30_000);
    expect((await refusalOf(engine.engagements.completeTask(engagementId, { taskKey: vote.key, actorId: pm, formData: sampleFormData(vote) }))).code).toBe('adoption_in_progress');
    // Nor can a second procedure be opened for the same convention.
    const again = await refusalOf(engine.engagements.openAdoption({ adoptionId: crypto.randomUUID(), engagementId, open }));
    expect(again.code).toBe('conflict');

    // Filing before any vote passed, impossible figures, a meeting during the notice: refused, nothing written.
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'file', actorId: pm, filedOn: today(), filedWith: '和平里街道办事处', filingNo: null }))).code).toBe('adoption_out_of_order');
    const impossible = await refusalOf(engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: { kind: 'residents', eligible: 300, attendees: 320, votesFor: 200, votesAgainst: 0, abstentions: 0 }, note: '' }));
    expect(impossible.code).toBe('validation_failed');
    const owners = await refusalOf(engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: { kind: 'owners', totalArea: 1000, totalOwners: 10, participatingArea: 800, participatingOwners: 8, areaFor: 800, ownersFor: 8 }, note: '' }));
    expect(owners.code).toBe('validation_failed');
    expect(await engine.db.adoptionMeeting.count({ where: { adoptionId } })).toBe(0);

    // No quorum: on record with the figures and why; the vote task waits.
    await engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: addCalendarDays(today(), -1), figures: { kind: 'residents', eligible: 420, attendees: 180, votesFor: 170, votesAgainst: 5, abstentions: 5 }, note: '雨天，到会人数不足' });
    const failed = await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: adoptionId }, include: { meetings: true } });
    expect(failed.status).toBe('meeting_failed');
    expect(failed.adoptedMeetingId).toBeNull();
    expect(failed.meetings[0]).toMatchObject({ verdict: 'no_quorum', position: 1 });
    expect(failed.meetings[0]!.explanationZh).toContain('至少须 211 人出席');
    expect((await taskOf(vote.key)).status).toBe('active');

    // The second meeting passes: the vote task completes with its figures.
    const passing = { kind: 'residents' as const, eligible: 420, attendees: 263, votesFor: 241, votesAgainst: 12, abstentions: 10 };
    await engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: passing, note: '' });
    const voteTask = await waitFor(() => taskOf(vote.key), (task) => task.status === 'done', 30_000);
    expect(voteTask.formData).toEqual({ heldOn: today(), eligible: 420, attendees: 263, votesFor: 241, votesAgainst: 12, abstentions: 10 });
    expect(voteTask.completedById).toBe(pm);

    // The filing adopts it and completes the filing task; the procedure then takes nothing more.
    await engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'file', actorId: pm, filedOn: today(), filedWith: '北京市东城区和平里街道办事处', filingNo: '和街备〔2026〕12号' });
    const filingTask = await waitFor(() => taskOf(driven[2]!), (task) => task.status === 'done', 30_000);
    expect(filingTask.formData).toEqual({ filedOn: today(), filingNo: '和街备〔2026〕12号' });
    const adopted = await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: adoptionId } });
    expect(adopted).toMatchObject({ status: 'adopted', filedWith: '北京市东城区和平里街道办事处' });
    expect(adopted.adoptedMeetingId).not.toBeNull();
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'withdraw', actorId: pm, reason: '误操作' }))).code).toBe('adoption_closed');
    const trail = await engine.db.auditEvent.findMany({ where: { engagementId, entityType: 'adoption' }, orderBy: { at: 'asc' }, select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(['adoption.opened', 'adoption.notice_ended', 'adoption.meeting_recorded', 'adoption.meeting_recorded', 'adoption.filed']);
    if (process.env.GONGZHI_RECORD_HISTORIES === '1') await recordHistory('adoption', await engine.temporal.workflow.getHandle(`adoption-${adoptionId}`).fetchHistory());
  });

  it('waits out an owners’ notice, picks up procedures whose runs were terminated, adopts an owners’ decision by its vote and gives a withdrawn convention’s tasks back', { timeout: 300_000 }, async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const key = (task: string) => `self-governance.${task}~heping`;
    const driven = [key('public-notice'), key('residents-meeting-vote'), key('convention-filing')];
    const taskOf = (taskKey: string) => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: taskKey } } });
    await driveEngagement(engine, engagementId, plan, { stopWhen: async () => (await taskOf(driven[0]!)).status === 'active', spare: driven, timeoutMs: 240_000 });
    const community = await engine.db.community.findFirstOrThrow({ where: { engagementId, key: 'heping' } });
    const { pm } = engine.team;

    // An owners' matter on notice until next week: the vote must wait for it.
    const ownersId = crypto.randomUUID();
    await engine.engagements.openAdoption({
      adoptionId: ownersId,
      engagementId,
      open: { actorId: pm, communityId: community.id, instrument: 'owners_rules', matter: 'ordinary', title: '《和平里小区管理规约》', noticeFrom: today(), noticeTo: addCalendarDays(today(), 7), location: '小区公告栏' },
    });
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, ownersId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: { kind: 'owners', totalArea: 1000, totalOwners: 10, participatingArea: 800, participatingOwners: 8, areaFor: 800, ownersFor: 8 }, note: '' }))).code).toBe('adoption_out_of_order');
    expect((await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: ownersId } })).status).toBe('notice');

    // A special matter whose notice is over; an operator terminates its run before the vote is
    // recorded. The vote starts a run that picks it up: adopted by the vote (Art. 280), no filing.
    const specialId = crypto.randomUUID();
    await engine.engagements.openAdoption({
      adoptionId: specialId,
      engagementId,
      open: { actorId: pm, communityId: community.id, instrument: 'owners_rules', matter: 'special', title: '关于3号楼加装电梯的决定', noticeFrom: addCalendarDays(today(), -12), noticeTo: addCalendarDays(today(), -3), location: '小区公告栏、3号楼单元门' },
    });
    await engine.temporal.workflow.getHandle(`adoption-${specialId}`).terminate('operator test');
    // Owners' area with nobody to own it cannot be true: refused, nothing written.
    const nobody = await refusalOf(engine.engagements.adoptionCommand(engagementId, specialId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: { kind: 'owners', totalArea: 12_000, totalOwners: 120, participatingArea: 9_000, participatingOwners: 0, areaFor: 0, ownersFor: 0 }, note: '' }));
    expect(nobody.code).toBe('validation_failed');
    // Exactly three-quarters of the participating area and owners (Art. 278 ¶2): adopted.
    const special = { kind: 'owners' as const, totalArea: 12_000, totalOwners: 120, participatingArea: 8_000, participatingOwners: 80, areaFor: 6_000, ownersFor: 60 };
    await engine.engagements.adoptionCommand(engagementId, specialId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: special, note: '' });
    const decided = await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: specialId }, include: { meetings: true } });
    expect(decided.status).toBe('adopted');
    expect(decided.meetings.map((meeting) => meeting.verdict)).toEqual(['passed']);
    // The run that picked it up (the next command starts another).
    if (process.env.GONGZHI_RECORD_HISTORIES === '1') await recordHistory('adoption-picked-up', await engine.temporal.workflow.getHandle(`adoption-${specialId}`).fetchHistory());
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, specialId, { kind: 'file', actorId: pm, filedOn: today(), filedWith: '和平里街道办事处', filingNo: null }))).code).toBe('adoption_closed');

    // A convention procedure drives the notice task until it is withdrawn; then it is the PM's again.
    const conventionId = crypto.randomUUID();
    await engine.engagements.openAdoption({
      adoptionId: conventionId,
      engagementId,
      open: { actorId: pm, communityId: community.id, instrument: 'residents_convention', matter: null, title: '《和平社区居民公约》', noticeFrom: today(), noticeTo: addCalendarDays(today(), 7), location: '社区公告栏' },
    });
    const notice = plan.tasks.find((task) => task.key === driven[0])!;
    const formData = { noticeFrom: today(), noticeTo: addCalendarDays(today(), 7), location: '社区公告栏' };
    expect((await refusalOf(engine.engagements.completeTask(engagementId, { taskKey: notice.key, actorId: notice.assigneeId, formData }))).code).toBe('adoption_in_progress');
    // Its run terminated: the tasks stay the procedure's, and the withdrawal still reaches it.
    await engine.temporal.workflow.getHandle(`adoption-${conventionId}`).terminate('operator test');
    expect((await refusalOf(engine.engagements.completeTask(engagementId, { taskKey: notice.key, actorId: notice.assigneeId, formData }))).code).toBe('adoption_in_progress');
    await engine.engagements.adoptionCommand(engagementId, conventionId, { kind: 'withdraw', actorId: pm, reason: '草案须按街道意见修改后重新启动' });
    expect((await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: conventionId } })).status).toBe('withdrawn');
    const done = await waitFor(
      () => engine.engagements.completeTask(engagementId, { taskKey: notice.key, actorId: notice.assigneeId, formData }).catch((error: unknown) => error),
      (result) => !(result instanceof EngagementCommandError && result.code === 'adoption_in_progress'),
      30_000,
    );
    expect(done).toMatchObject({ status: 'done' });
    await engine.engagements.adoptionCommand(engagementId, ownersId, { kind: 'withdraw', actorId: pm, reason: '业主大会筹备组另行组织' });
    expect((await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: ownersId } })).status).toBe('withdrawn');
  });

  it('hands a busy procedure over to a new run, which picks it up from the record and takes the next commands', { timeout: 120_000 }, async () => {
    const { engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const community = await engine.db.community.findFirstOrThrow({ where: { engagementId, key: 'heping' } });
    const { pm } = engine.team;
    const adoptionId = crypto.randomUUID();
    await engine.engagements.openAdoption({
      adoptionId,
      engagementId,
      rollAfter: 2,
      open: { actorId: pm, communityId: community.id, instrument: 'owners_rules', matter: 'special', title: '关于5号楼加装电梯的决定（草案）', noticeFrom: addCalendarDays(today(), -1), noticeTo: addCalendarDays(today(), 9), location: '5号楼各单元门' },
    });
    const handle = engine.temporal.workflow.getHandle(`adoption-${adoptionId}`);
    const firstRun = (await handle.describe()).runId;
    const links = (n: number) => Array.from({ length: n }, () => ({ id: crypto.randomUUID(), tokenHash: crypto.randomUUID().replaceAll('-', '') }));
    for (let batch = 0; batch < 3; batch++) await engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'issue_links', actorId: pm, links: links(2) });
    // Two commands, then a new run; the third went to it, and the notice is still running there.
    await waitFor(() => handle.describe(), (description) => description.runId !== firstRun && description.status.name === 'RUNNING', 30_000);
    expect(await engine.db.adoptionCommentLink.count({ where: { adoptionId } })).toBe(6);
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'meeting', actorId: pm, meetingId: crypto.randomUUID(), heldOn: today(), figures: { kind: 'owners', totalArea: 5000, totalOwners: 60, participatingArea: 4000, participatingOwners: 50, areaFor: 3900, ownersFor: 48 }, note: '' }))).code).toBe('adoption_out_of_order');
    await engine.engagements.adoptionCommand(engagementId, adoptionId, { kind: 'withdraw', actorId: pm, reason: '楼内住户意见分歧较大，先行协商' });
    expect((await engine.db.conventionAdoption.findUniqueOrThrow({ where: { id: adoptionId } })).status).toBe('withdrawn');
  });

  it('takes one comment set per link while the notice runs, and none after it', { timeout: 120_000 }, async () => {
    const { engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const community = await engine.db.community.findFirstOrThrow({ where: { engagementId, key: 'heping' } });
    const { pm } = engine.team;
    const open = (noticeFrom: string, noticeTo: string) => ({ actorId: pm, communityId: community.id, instrument: 'owners_rules' as const, matter: 'ordinary' as const, title: '《和平里小区管理规约（修订稿）》', noticeFrom, noticeTo, location: '小区公告栏' });
    const running = crypto.randomUUID();
    await engine.engagements.openAdoption({ adoptionId: running, engagementId, open: open(addCalendarDays(today(), -1), addCalendarDays(today(), 9)) });
    const linkId = crypto.randomUUID();
    await engine.engagements.adoptionCommand(engagementId, running, { kind: 'issue_links', actorId: pm, links: [{ id: linkId, tokenHash: 'a'.repeat(64) }] });
    const comment = (tokenHash: string) => ({ kind: 'comment' as const, tokenHash, comments: [{ id: crypto.randomUUID(), clause: '第七条', body: '建议明确装修垃圾的清运时间。' }], signedAs: '' });
    await engine.engagements.adoptionCommand(engagementId, running, comment('a'.repeat(64)));
    // The link is used up by the workflow itself, not only by the API's check before it.
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, running, comment('a'.repeat(64))))).code).toBe('link_used');
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, running, comment('b'.repeat(64))))).code).toBe('unknown_adoption');
    expect(await engine.db.adoptionComment.count({ where: { adoptionId: running } })).toBe(1);
    const [written] = await engine.db.adoptionComment.findMany({ where: { adoptionId: running } });
    await engine.engagements.adoptionCommand(engagementId, running, { kind: 'answer', actorId: pm, commentId: written!.id, answer: '已采纳，修改稿第七条明确清运时间为每日18时前。' });
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, running, { kind: 'answer', actorId: pm, commentId: crypto.randomUUID(), answer: '同意' }))).code).toBe('unknown_adoption');

    // A notice that is over takes no links and no comments.
    const over = crypto.randomUUID();
    await engine.engagements.openAdoption({ adoptionId: over, engagementId, open: open(addCalendarDays(today(), -12), addCalendarDays(today(), -2)) });
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, over, { kind: 'issue_links', actorId: pm, links: [{ id: crypto.randomUUID(), tokenHash: 'c'.repeat(64) }] }))).code).toBe('adoption_out_of_order');
    expect((await refusalOf(engine.engagements.adoptionCommand(engagementId, over, comment('c'.repeat(64))))).code).toBe('notice_over');
  });
});
