import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, endOfCivilDay, morningOf } from '../calendar';
import { voidedCards, CASE_ACTION_TYPES, type CaseAction, type CaseActionType, caseActionsAt, type CaseContext, type CaseState, catchUpCase, departmentScorecards, decideCaseAction, DEFAULT_CASE_PERIODS, nextCaseTimer, openCase, resolveCasePeriods } from './flow';

// No holidays: weekdays only, so the arithmetic below can be checked by hand. 2026-11-02 is a Monday.
const calendar = createBusinessCalendar({ holidays: [], makeUpWorkdays: [] });
const periods = DEFAULT_CASE_PERIODS;
const reporter = 'reporter';
const context = (actorId: string, today = '2026-12-31'): CaseContext => ({ calendar, periods, today, actorId });

function apply(state: CaseState, action: CaseAction, actorId = 'lawyer'): CaseState {
  const decision = decideCaseAction(state, action, context(actorId));
  if ('refused' in decision) throw new Error(`refused: ${decision.message.en}`);
  return decision.state;
}

describe('a case through the tiers', () => {
  const opened = openCase({ reporterId: reporter, reportedOn: '2026-11-02' }, calendar, periods);

  it('opens at 德治 with the open letter due five business days on', () => {
    expect(opened).toMatchObject({ status: 'open', tier: 'moral', step: 'letter', stepStartedOn: '2026-11-02', dueOn: '2026-11-09', supervision: 'normal' });
  });

  it('moves from the letter to an observation period, then by itself to the review the next business day', () => {
    const observing = apply(opened, { type: 'publishLetter', on: '2026-11-04', channel: '社区公告栏' });
    expect(observing).toMatchObject({ step: 'observation', stepStartedOn: '2026-11-04', dueOn: '2026-11-18' });
    const timer = nextCaseTimer(observing, { calendar, periods })!;
    expect(timer.at.getTime()).toBe(endOfCivilDay('2026-11-18').getTime() + 1);
    const { state, event } = timer.apply();
    expect(state).toMatchObject({ step: 'review', stepStartedOn: '2026-11-19', dueOn: '2026-11-24' });
    expect(event).toMatchObject({ kind: 'observation_ended', actorId: null, on: '2026-11-19' });
  });

  it('escalates through 自治 to 法治, where a department can send the referral back', () => {
    let state = apply(opened, { type: 'escalate', on: '2026-11-03', reason: '劝导无效' });
    expect(state).toMatchObject({ tier: 'self-governance', step: 'measures', dueOn: '2026-11-17' });
    state = apply(state, { type: 'applyMeasures', on: '2026-11-05', clause: '第十二条', measures: '居委会约谈当事人' });
    state = apply(state, { type: 'endObservation', on: '2026-11-06' });
    state = apply(state, { type: 'escalate', on: '2026-11-06', reason: '仍未改正' });
    expect(state).toMatchObject({ tier: 'rule-of-law', step: 'referral' });
    state = apply(state, { type: 'refer', on: '2026-11-09', department: '和平里街道综合行政执法队' });
    expect(state).toMatchObject({ step: 'acceptance', department: '和平里街道综合行政执法队', dueOn: '2026-11-12' });
    const back = decideCaseAction(state, { type: 'sendBack', on: '2026-11-10', reason: '不属于本部门职责' }, context('lawyer'));
    expect(back).toMatchObject({ state: { step: 'referral', department: null }, event: { kind: 'sent_back', details: { department: '和平里街道综合行政执法队' } } });
    const escalateAgain = decideCaseAction(state, { type: 'escalate', on: '2026-11-10', reason: 'x' }, context('lawyer'));
    expect(escalateAgain).toMatchObject({ refused: 'wrong_step' });
  });

  it('needs verification by someone other than the reporter, and a failed one goes back to the step', () => {
    const proposed = apply(opened, { type: 'resolve', on: '2026-11-03', summary: '已清理楼道杂物' }, reporter);
    expect(proposed).toMatchObject({ step: 'verification', returnTo: 'letter', resolution: { tier: 'moral', byId: reporter } });
    expect(decideCaseAction(proposed, { type: 'verify', on: '2026-11-04', passed: true, note: '现场核实' }, context(reporter))).toMatchObject({ refused: 'not_allowed' });
    expect(apply(proposed, { type: 'verify', on: '2026-11-04', passed: true, note: '现场核实' }, 'pm')).toMatchObject({ status: 'resolved' });
    expect(apply(proposed, { type: 'verify', on: '2026-11-04', passed: false, note: '杂物仍在' }, 'pm')).toMatchObject({ status: 'open', step: 'letter', stepStartedOn: '2026-11-04', resolution: null });
  });

  it('refuses actions out of step, dated in the future or before the step began, and anything on a closed case', () => {
    expect(decideCaseAction(opened, { type: 'accept', on: '2026-11-03' }, context('lawyer'))).toMatchObject({ refused: 'wrong_step' });
    expect(decideCaseAction(opened, { type: 'publishLetter', on: '2027-01-04', channel: '微信群' }, context('lawyer'))).toMatchObject({ refused: 'invalid', field: 'on' });
    expect(decideCaseAction(opened, { type: 'publishLetter', on: '2026-10-30', channel: '微信群' }, context('lawyer'))).toMatchObject({ refused: 'invalid', field: 'on' });
    const closed = apply(opened, { type: 'withdraw', on: '2026-11-03', reason: '重复报告' });
    expect(decideCaseAction(closed, { type: 'logVisit', on: '2026-11-03', visitor: '网格员', visited: '3号楼住户', note: '' }, context('lawyer'))).toMatchObject({ refused: 'case_closed' });
  });

  it('defers until a review date and comes back to the step by itself that morning', () => {
    const deferred = apply(opened, { type: 'defer', on: '2026-11-03', reason: '当事人住院', reviewOn: '2027-01-15' });
    expect(deferred).toMatchObject({ step: 'deferred', dueOn: '2027-01-15', returnTo: 'letter' });
    expect(decideCaseAction(opened, { type: 'defer', on: '2026-11-03', reason: 'x', reviewOn: '2026-12-31' }, context('lawyer'))).toMatchObject({ refused: 'invalid', field: 'reviewOn' });
    const timer = nextCaseTimer(deferred, { calendar, periods })!;
    expect(timer.at).toEqual(morningOf('2027-01-15'));
    expect(timer.apply().state).toMatchObject({ step: 'letter', stepStartedOn: '2027-01-15', dueOn: '2027-01-22' });
  });

  it('grades supervision yellow once a deadline passes and red after three more business days, one card each', () => {
    const { state, events } = catchUpCase(opened, new Date('2026-12-01T00:00:00Z'), { calendar, periods });
    expect(state.supervision).toBe('red');
    expect(events.map((event) => [event.kind, event.details.level, event.on])).toEqual([
      ['supervised', 'yellow', '2026-11-10'],
      ['supervised', 'red', '2026-11-13'],
    ]);
    expect(nextCaseTimer(state, { calendar, periods })).toBeNull();
    // An action moves the case on and the new step starts with a clean slate.
    expect(apply(state, { type: 'publishLetter', on: '2026-11-30', channel: '楼门张贴' }).supervision).toBe('normal');
  });

  it('takes an engagement’s periods, per violation type where it sets them', () => {
    const settings = { defaults: { observation: 15 }, byViolation: { 'fire-exit-blocked': { observation: 3, letter: 1 } } };
    expect(resolveCasePeriods(settings, null)).toMatchObject({ observation: 15, letter: 5 });
    expect(resolveCasePeriods(settings, 'fire-exit-blocked')).toMatchObject({ observation: 3, letter: 1, reply: 15 });
  });

  it('lists exactly the actions a step takes', () => {
    const sample: Record<CaseActionType, CaseAction> = {
      publishLetter: { type: 'publishLetter', on: '2026-11-20', channel: '公告栏' },
      logVisit: { type: 'logVisit', on: '2026-11-20', visitor: '网格员', visited: '住户', note: '' },
      applyMeasures: { type: 'applyMeasures', on: '2026-11-20', clause: '第八条', measures: '约谈' },
      recordMediation: { type: 'recordMediation', on: '2026-11-20', parties: '甲乙', outcome: 'agreed', note: '' },
      endObservation: { type: 'endObservation', on: '2026-11-20' },
      escalate: { type: 'escalate', on: '2026-11-20', reason: '无效' },
      refer: { type: 'refer', on: '2026-11-20', department: '执法队' },
      accept: { type: 'accept', on: '2026-11-20' },
      sendBack: { type: 'sendBack', on: '2026-11-20', reason: '非本部门' },
      reply: { type: 'reply', on: '2026-11-20', action: '处理', reply: '答复' },
      resolve: { type: 'resolve', on: '2026-11-20', summary: '已解决' },
      verify: { type: 'verify', on: '2026-11-20', passed: true, note: '' },
      defer: { type: 'defer', on: '2026-11-20', reason: '等待', reviewOn: '2027-02-01' },
      resume: { type: 'resume', on: '2026-11-20' },
      withdraw: { type: 'withdraw', on: '2026-11-20', reason: '重复' },
    };
    const base = openCase({ reporterId: reporter, reportedOn: '2026-11-02' }, calendar, periods);
    const states: CaseState[] = [];
    const stepsOf = {
      moral: ['letter', 'observation', 'review', 'verification', 'deferred'],
      'self-governance': ['measures', 'observation', 'review', 'verification', 'deferred'],
      'rule-of-law': ['referral', 'acceptance', 'reply', 'review', 'verification', 'deferred'],
    } as const;
    for (const tier of ['moral', 'self-governance', 'rule-of-law'] as const) for (const step of stepsOf[tier]) states.push({ ...base, tier, step });
    for (const state of states) {
      const listed = caseActionsAt(state);
      for (const type of CASE_ACTION_TYPES) {
        const decision = decideCaseAction(state, sample[type], context('pm'));
        const takes = !('refused' in decision) || (decision.refused !== 'wrong_step' && decision.refused !== 'not_allowed');
        expect([state.tier, state.step, type, takes]).toEqual([state.tier, state.step, type, listed.includes(type)]);
      }
    }
  });

  it('scores departments on their own steps', () => {
    const cards = departmentScorecards(
      [
        { kind: 'referred', department: '消防救援机构', details: {} },
        { kind: 'sent_back', department: '消防救援机构', details: {} },
        { kind: 'referred', department: '街道综合行政执法队', details: {} },
        { kind: 'accepted', department: '街道综合行政执法队', details: { onTime: true } },
        { kind: 'supervised', department: '街道综合行政执法队', details: { level: 'yellow', step: 'reply' } },
        { kind: 'supervised', department: '街道综合行政执法队', details: { level: 'red', step: 'reply' } },
        { kind: 'replied', department: '街道综合行政执法队', details: { onTime: false } },
        { kind: 'supervised', department: '街道综合行政执法队', details: { level: 'yellow', step: 'review' } },
      ],
      [{ department: '消防救援机构', step: 'acceptance', supervision: 'yellow' }],
    );
    expect(cards).toEqual([
      { department: '街道综合行政执法队', referred: 1, accepted: 1, acceptedOnTime: 1, sentBack: 0, replied: 1, repliedOnTime: 0, overdueNow: 0, yellowCards: 1, redCards: 1 },
      { department: '消防救援机构', referred: 1, accepted: 0, acceptedOnTime: 0, sentBack: 1, replied: 0, repliedOnTime: 0, overdueNow: 1, yellowCards: 0, redCards: 0 },
    ]);
  });

  it('voids a card when the step’s closing action, typed in later, is dated within its deadline', () => {
    const events = [
      { seq: 1, kind: 'reported', on: '2026-11-02', step: 'letter', details: {} },
      { seq: 2, kind: 'supervised', on: '2026-11-10', step: 'letter', details: { level: 'yellow', step: 'letter', dueOn: '2026-11-09' } },
      { seq: 3, kind: 'escalated', on: '2026-11-05', step: 'measures', details: {} },
      { seq: 4, kind: 'supervised', on: '2026-11-20', step: 'measures', details: { level: 'yellow', step: 'measures', dueOn: '2026-11-19' } },
      { seq: 5, kind: 'visit_logged', on: '2026-11-21', step: 'measures', details: {} },
      { seq: 6, kind: 'measures_applied', on: '2026-11-23', step: 'observation', details: {} },
    ];
    expect([...voidedCards(events)]).toEqual([2]);
  });
});
