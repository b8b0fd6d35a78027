// A community problem case (德治 → 自治 → 法治) on the real Temporal server and PostgreSQL: its own
// workflow writes every event, time moves it on (observation periods, 督办 as deadlines pass), and
// it keeps its timers across a worker restart. Dates are backdated where a test needs time to have
// passed: a step's deadline counts from the day the person says it happened.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buffer } from 'node:stream/consumers';
import { fromDbDate } from '@gongzhi/db';
import { readWordText } from '@gongzhi/documents/testing';
import { addCalendarDays, type CaseReport, civilDateAt, DEFAULT_CASE_PERIODS } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { EngagementCommandError } from './client';
import { caseWorkflowId } from './ids';
import { waitFor } from '@gongzhi/testing';
import { createTestEngine, engagementRequest, type TestEngine } from './testing/harness';
import { recordHistory } from './testing/histories';

let engine: TestEngine;
let worker: { stop(): Promise<void> };
let engagementId: string;
let communityKey: string;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  worker = await engine.startWorker();
  ({ engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team)));
  communityKey = (await engine.db.community.findFirstOrThrow({ where: { engagementId }, orderBy: { key: 'asc' } })).key;
});

afterAll(async () => {
  await engine?.close();
});

const today = () => civilDateAt(new Date());
const daysAgo = (days: number) => addCalendarDays(today(), -days);

function report(overrides: Partial<CaseReport> = {}): CaseReport {
  return {
    communityKey,
    title: '楼道堆放杂物',
    description: '5号楼2单元一至三层楼道长期堆放纸箱、旧家具，占用疏散通道。',
    place: '5号楼2单元',
    violationKey: 'stairwell-clutter',
    sourceProblemId: null,
    reportedOn: today(),
    reporterId: engine.team.lawyers[0],
    ...overrides,
  };
}

async function reportCase(overrides: Partial<CaseReport> = {}) {
  const caseId = randomUUID();
  const view = await engine.engagements.reportCase({ caseId, engagementId, report: report(overrides), periods: DEFAULT_CASE_PERIODS });
  return { caseId, view: view! };
}

async function refusal(promise: Promise<unknown>): Promise<EngagementCommandError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EngagementCommandError);
  return error as EngagementCommandError;
}

const eventsOf = async (caseId: string) => (await engine.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } })).map((event) => ({ kind: event.kind, details: event.details as Record<string, unknown> }));

describe('a community problem case', () => {
  it('is resolved at 德治 once someone other than the reporter verifies it', async () => {
    const lawyer = engine.team.lawyers[0];
    const { caseId, view } = await reportCase();
    expect(view.state).toMatchObject({ tier: 'moral', step: 'letter', status: 'open' });
    const row = await engine.db.problemCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.step, row.version, fromDbDate(row.dueOn)]).toEqual(['letter', 1, view.state.dueOn]);

    // The 倡议书 is drafted from the case and the catalogue as it opens; its publication names it and who approved it.
    const draft = (await waitFor(
      () => engine.db.generatedDocument.findUnique({ where: { key: `case-letter:${caseId}` } }),
      (found) => found !== null,
    ))!;
    const community = await engine.db.community.findUniqueOrThrow({ where: { id: row.communityId } });
    expect([draft.kind, draft.engagementId, draft.fileName]).toEqual(['case-letter', engagementId, `倡议书（${community.name}·楼道堆放杂物）.docx`]);
    const drafted = readWordText(await buffer((await engine.files.open(draft.storageKey!))!.stream));
    expect(drafted).toContain('关于楼道堆放杂物问题的倡议书');
    expect(drafted).toContain('近期，5号楼2单元存在“楼道堆放杂物”的问题');
    await engine.engagements.caseCommand(caseId, { type: 'publishLetter', on: today(), channel: '楼门张贴、居民微信群', approvedBy: '居委会主任李秀兰', actorId: lawyer });
    expect((await eventsOf(caseId))[1]?.details).toMatchObject({ channel: '楼门张贴、居民微信群', approvedBy: '居委会主任李秀兰', letterId: draft.id, letterName: draft.fileName });
    await engine.engagements.caseCommand(caseId, { type: 'logVisit', on: today(), visitor: '网格员刘敏', visited: '5号楼2单元301户', note: '已劝导，承诺周末清理', actorId: lawyer });
    const proposed = await engine.engagements.caseCommand(caseId, { type: 'resolve', on: today(), summary: '杂物已清理，楼道畅通', actorId: lawyer });
    expect(proposed.state).toMatchObject({ step: 'verification', resolution: { tier: 'moral' } });

    const byReporter = await refusal(engine.engagements.caseCommand(caseId, { type: 'verify', on: today(), passed: true, note: '已核实', actorId: lawyer }));
    expect(byReporter.code).toBe('case_not_allowed');
    const verified = await engine.engagements.caseCommand(caseId, { type: 'verify', on: today(), passed: true, note: '现场核查，楼道已无堆物', actorId: engine.team.pm });
    expect(verified.state.status).toBe('resolved');

    expect(await engine.temporal.workflow.getHandle(caseWorkflowId(caseId)).result()).toEqual({ status: 'resolved' });
    const closed = await engine.db.problemCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([closed.status, closed.resolvedTier, closed.verifiedById, closed.version]).toEqual(['resolved', 'moral', engine.team.pm, 5]);
    expect((await eventsOf(caseId)).map((event) => event.kind)).toEqual(['reported', 'letter_published', 'visit_logged', 'resolution_proposed', 'verified']);
    const trail = await engine.db.auditEvent.findMany({ where: { entityId: caseId }, orderBy: { at: 'asc' } });
    expect(trail.map((event) => event.action)).toEqual(['case.reported', 'case.letter_published', 'case.visit_logged', 'case.resolution_proposed', 'case.verified']);

    // A closed case takes no more actions.
    expect((await refusal(engine.engagements.caseCommand(caseId, { type: 'logVisit', on: today(), visitor: '网格员', visited: '301户', note: '', actorId: lawyer }))).code).toBe('case_closed');
  });

  it('goes through 自治 to 法治, where a referral sent back is sent again and an overdue reply reaches a red card', async () => {
    const lawyer = engine.team.lawyers[1];
    const start = daysAgo(60);
    const { caseId } = await reportCase({ reportedOn: start, reporterId: lawyer, title: '占用消防通道停车', violationKey: null, place: '小区南门消防通道' });
    const act = (command: Parameters<TestEngine['engagements']['caseCommand']>[1]) => engine.engagements.caseCommand(caseId, command);
    await act({ type: 'escalate', on: start, reason: '倡议书张贴后仍有车辆停放', actorId: lawyer });
    await act({ type: 'applyMeasures', on: start, clause: '居民公约第八条（消防通道禁止停车）', measures: '居委会张贴提示并约谈车主', actorId: lawyer });
    await act({ type: 'recordMediation', on: start, parties: '车主与相邻住户', outcome: 'not_agreed', note: '车主称无处停车', actorId: lawyer });
    await act({ type: 'endObservation', on: start, actorId: lawyer });
    const escalated = await act({ type: 'escalate', on: start, reason: '约谈后仍占用', actorId: lawyer });
    expect(escalated.state).toMatchObject({ tier: 'rule-of-law', step: 'referral' });
    await act({ type: 'refer', on: addCalendarDays(start, 1), department: '消防救援机构', actorId: lawyer });
    const back = await act({ type: 'sendBack', on: addCalendarDays(start, 1), reason: '住宅小区内部道路停车请先由街道综合执法队处理', actorId: lawyer });
    expect(back.state).toMatchObject({ step: 'referral', department: null });
    await act({ type: 'refer', on: addCalendarDays(start, 2), department: '和平里街道综合行政执法队', actorId: lawyer });
    await act({ type: 'accept', on: addCalendarDays(start, 2), handler: '执法队二中队', actorId: lawyer });

    // Accepted eight weeks ago: its reply is long overdue, and the card goes yellow, then red, at once.
    const red = await waitFor(
      () => engine.db.problemCase.findUniqueOrThrow({ where: { id: caseId } }),
      (row) => row.supervision === 'red',
    );
    expect(red.step).toBe('reply');
    const cards = (await eventsOf(caseId)).filter((event) => event.kind === 'supervised' && event.details.step === 'reply');
    expect(cards.map((event) => [event.details.level, event.details.department])).toEqual([
      ['yellow', '和平里街道综合行政执法队'],
      ['red', '和平里街道综合行政执法队'],
    ]);
    const notices = await engine.db.notification.findMany({ where: { engagementId, kind: 'case_supervised' }, select: { userId: true, payload: true } });
    const about = (level: string, step: string) => notices.filter((notice) => (notice.payload as { caseId: string; level: string; step: string }).caseId === caseId && (notice.payload as { level: string }).level === level && (notice.payload as { step: string }).step === step).map((notice) => notice.userId);
    expect(about('yellow', 'reply')).toEqual([engine.team.pm]);
    expect(about('red', 'reply').sort()).toEqual([engine.team.pm, engine.team.client].sort());

    const replied = await act({ type: 'reply', on: today(), action: '已对车主下达责令改正通知书，车辆已挪走', reply: '书面答复已送达居委会', actorId: lawyer });
    expect(replied.state).toMatchObject({ step: 'review', supervision: 'normal' });
    expect((await eventsOf(caseId)).find((event) => event.kind === 'replied')?.details).toMatchObject({ onTime: false, department: '和平里街道综合行政执法队' });
    await act({ type: 'resolve', on: today(), summary: '执法队处理后通道已畅通', actorId: lawyer });
    const closed = await act({ type: 'verify', on: today(), passed: true, note: '连续三日巡查无车辆占用', actorId: engine.team.client });
    expect(closed.state).toMatchObject({ status: 'resolved', resolution: { tier: 'rule-of-law' } });
    const row = await engine.db.problemCase.findUniqueOrThrow({ where: { id: caseId }, include: { referredDepartment: true } });
    expect([row.resolvedTier, row.referredDepartment?.name]).toEqual(['rule-of-law', '和平里街道综合行政执法队']);
    const handle = engine.temporal.workflow.getHandle(caseWorkflowId(caseId));
    expect(await handle.result()).toEqual({ status: 'resolved' });
    if (process.env.GONGZHI_RECORD_HISTORIES === '1') await recordHistory('case', await handle.fetchHistory());

    // Each referral drafted its 案件移送函: the second one names the department, the steps tried and the send-back.
    const referrals = (await eventsOf(caseId)).filter((event) => event.kind === 'referred');
    expect(referrals.map((event) => typeof event.details.packetId)).toEqual(['string', 'string']);
    const letter = await engine.db.generatedDocument.findUniqueOrThrow({ where: { id: referrals[1]!.details.packetId as string } });
    expect([letter.kind, letter.status, letter.engagementId]).toEqual(['case-referral', 'done', engagementId]);
    const text = readWordText(await buffer((await engine.files.open(letter.storageKey!))!.stream));
    expect(text).toContain('和平里街道综合行政执法队：');
    expect(text).toContain('本案曾移送处理，现再次移送');
    expect(text).toContain('居民公约第八条（消防通道禁止停车）');
    expect(text).toContain('消防救援机构：住宅小区内部道路停车请先由街道综合执法队处理');
  });

  it('is deferred with a review date and resumed; out-of-step and future-dated actions change nothing', async () => {
    const lawyer = engine.team.lawyers[0];
    const { caseId } = await reportCase();
    const wrong = await refusal(engine.engagements.caseCommand(caseId, { type: 'accept', on: today(), actorId: lawyer }));
    expect(wrong.code).toBe('case_wrong_step');
    const future = await refusal(engine.engagements.caseCommand(caseId, { type: 'publishLetter', on: addCalendarDays(today(), 2), channel: '微信群', actorId: lawyer }));
    expect([future.code, future.fieldErrors[0]?.field]).toEqual(['validation_failed', 'on']);

    const deferred = await engine.engagements.caseCommand(caseId, { type: 'defer', on: today(), reason: '当事人住院治疗，出院后再行劝导', reviewOn: addCalendarDays(today(), 30), actorId: lawyer });
    expect(deferred.state).toMatchObject({ step: 'deferred', dueOn: addCalendarDays(today(), 30), returnTo: 'letter' });
    const resumed = await engine.engagements.caseCommand(caseId, { type: 'resume', on: today(), note: '当事人已出院', actorId: lawyer });
    expect(resumed.state).toMatchObject({ step: 'letter', supervision: 'normal' });
    expect((await eventsOf(caseId)).map((event) => event.kind)).toEqual(['reported', 'deferred', 'resumed']);
    await engine.engagements.caseCommand(caseId, { type: 'withdraw', on: today(), reason: '与另一案件重复', actorId: engine.team.pm });
  });

  it('writes actions sent at once one after the other, each event numbered once', async () => {
    const lawyer = engine.team.lawyers[0];
    const { caseId } = await reportCase();
    const visits = Array.from({ length: 6 }, (_, index) =>
      engine.engagements.caseCommand(caseId, { type: 'logVisit', on: today(), visitor: `网格员${index + 1}`, visited: `5号楼2单元${index + 1}01户`, actorId: lawyer }),
    );
    await Promise.all([...visits, engine.engagements.caseCommand(caseId, { type: 'publishLetter', on: today(), channel: '楼门张贴', actorId: lawyer })]);
    const events = await engine.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' }, select: { seq: true, kind: true } });
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.filter((event) => event.kind === 'visit_logged')).toHaveLength(6);
    expect((await engine.db.problemCase.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(8);
    // Published as the case opened, before its draft was stored: the publication still names the draft.
    const draft = await engine.db.generatedDocument.findUniqueOrThrow({ where: { key: `case-letter:${caseId}` } });
    expect((await eventsOf(caseId)).find((event) => event.kind === 'letter_published')?.details).toMatchObject({ letterId: draft.id });
  });

  it('keeps its observation period across a worker restart, and ends a period already over by itself', async () => {
    const lawyer = engine.team.lawyers[0];
    const { caseId } = await reportCase();
    const observing = await engine.engagements.caseCommand(caseId, { type: 'publishLetter', on: today(), channel: '社区公告栏', actorId: lawyer });
    expect(observing.state.step).toBe('observation');

    await worker.stop();
    worker = await engine.startWorker();
    // The new worker replays the case and finds it still waiting out the period.
    const handle = engine.temporal.workflow.getHandle(caseWorkflowId(caseId));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const early = await engine.engagements.caseCommand(caseId, { type: 'endObservation', on: today(), note: '观察期内已整改', actorId: lawyer });
    expect(early.state.step).toBe('review');
    expect(early.version).toBe(3);

    // A letter published three weeks ago: its ten business days are over, the review opens by itself.
    const old = await reportCase({ reportedOn: daysAgo(21) });
    await engine.engagements.caseCommand(old.caseId, { type: 'publishLetter', on: daysAgo(21), channel: '社区公告栏', actorId: lawyer });
    const reviewed = await waitFor(
      () => engine.db.problemCase.findUniqueOrThrow({ where: { id: old.caseId } }),
      (row) => row.step === 'review',
    );
    expect(reviewed.tier).toBe('moral');
    expect((await eventsOf(old.caseId)).some((event) => event.kind === 'observation_ended' && event.details.early === false)).toBe(true);
  });

  it('opens from a field-research problem once, and refuses a report that does not fit the engagement', async () => {
    const community = await engine.db.community.findFirstOrThrow({ where: { engagementId, key: communityKey } });
    const problemId = randomUUID();
    await engine.engagements.fieldResearchCommand(engagementId, {
      type: 'recordSession',
      actorId: engine.team.lawyers[0],
      sessionId: randomUUID(),
      kind: 'symposium',
      communityId: community.id,
      heldOn: daysAgo(10),
      place: `${community.name}党群服务中心`,
      participants: '居委会委员、楼门长',
      headcount: 12,
      notes: '居民反映楼道堆物严重。',
      problems: [{ id: problemId, description: '楼道堆放杂物', violationKey: 'stairwell-clutter', outsideCatalogue: false }],
    });
    const { caseId } = await reportCase({ sourceProblemId: problemId });
    expect((await engine.db.problemCase.findUniqueOrThrow({ where: { id: caseId } })).sourceProblemId).toBe(problemId);
    const twice = await refusal(reportCase({ sourceProblemId: problemId }));
    expect([twice.code, twice.fieldErrors.map((error) => error.field)]).toEqual(['validation_failed', ['problem']]);
    const unknown = await refusal(reportCase({ communityKey: 'no-such-community', violationKey: 'no-such-violation' }));
    expect(unknown.fieldErrors.map((error) => error.field)).toEqual(['community', 'violation']);
    expect(await engine.db.problemCase.count({ where: { engagementId, sourceProblemId: problemId } })).toBe(1);
  });
});
