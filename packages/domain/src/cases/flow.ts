import { addCalendarDays, type BusinessCalendar, type CivilDate, civilDateAt, endOfCivilDay, morningOf } from '../calendar';
import { type FieldError } from '../completion';
import { type LocalizedText } from '../template/schema';
import { nextTier, type Tier } from '../tiers';

/**
 * A community problem case through 德治 → 自治 → 法治, as a pure state machine: the case workflow
 * keeps the state, asks `decideCaseAction` what a person's command does to it and `nextCaseTimer`
 * when time alone changes it (an observation period over, a deadline passed, a deferral due), and
 * writes each resulting event. Same state, same command, same answer: it runs inside the workflow.
 *
 * The steps of each tier:
 * - 德治 (moral): `letter` — the open letter (倡议书/公开信) published, persuasion visits logged —
 *   then `observation`, then `review` (复查研判: resolved, or on to the next tier);
 * - 自治 (self-governance): `measures` — the residents' committee applies the convention's clause,
 *   disputes mediated — then `observation`, then `review`;
 * - 法治 (rule of law): `referral` (移送), `acceptance` (the department accepts, or sends it back),
 *   `reply` (its action and reply), then `review` (resolved, or referred again).
 * Any open step can propose the case resolved, which opens `verification` (核查) by someone other
 * than the reporter; any can defer it (`deferred`, 挂账) until a review date.
 */
export const CASE_STEPS = ['letter', 'measures', 'observation', 'review', 'referral', 'acceptance', 'reply', 'verification', 'deferred'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

export const CASE_STATUSES = ['open', 'resolved', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Graded supervision (督办) of the step in hand: 黄牌 once its deadline passed, 红牌 some business days later. */
export const SUPERVISION_LEVELS = ['normal', 'yellow', 'red'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** The steps with a period of their own (a deferral runs to the date the person chose). */
export const TIMED_CASE_STEPS = ['letter', 'measures', 'observation', 'review', 'referral', 'acceptance', 'reply', 'verification'] as const;
export type TimedCaseStep = (typeof TIMED_CASE_STEPS)[number];

/** Business days per step, and how many more after a missed deadline before the yellow card turns red. */
export type CasePeriods = Record<TimedCaseStep, number> & { redAfter: number };

/**
 * The project's default periods in business days: a working practice the firm proposes to the
 * client, not a statutory limit, and configurable per engagement and per violation type.
 */
export const DEFAULT_CASE_PERIODS: CasePeriods = {
  letter: 5,
  measures: 10,
  observation: 10,
  review: 3,
  referral: 2,
  acceptance: 3,
  reply: 15,
  verification: 3,
  redAfter: 3,
};
export const MAX_CASE_PERIOD_DAYS = 120;

/** An engagement's own periods: its defaults, and per catalogue violation where they differ. */
export interface CasePeriodSettings {
  defaults?: Partial<CasePeriods>;
  byViolation?: Record<string, Partial<CasePeriods>>;
}

export function resolveCasePeriods(settings: CasePeriodSettings | null | undefined, violationKey: string | null): CasePeriods {
  return { ...DEFAULT_CASE_PERIODS, ...settings?.defaults, ...(violationKey ? settings?.byViolation?.[violationKey] : undefined) };
}

/** A problem as reported: what, where, which catalogue violation, by whom and when. */
export interface CaseReport {
  communityKey: string;
  title: string;
  description: string;
  place: string;
  /** A `violation` key of the engagement's knowledge; null: outside the catalogue. */
  violationKey: string | null;
  /** The field-research problem the case is opened from. */
  sourceProblemId: string | null;
  reportedOn: CivilDate;
  reporterId: string;
  /** The tier it starts at: 德治 unless a lawyer decides the problem needs more at once. */
  tier?: Tier;
}

/** What does not fit in an engagement's periods: a period out of range, a violation its knowledge does not have. */
export function casePeriodSettingsProblems(settings: CasePeriodSettings, violationKeys: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const check = (periods: Partial<CasePeriods> | undefined, at: string) => {
    for (const [step, days] of Object.entries(periods ?? {})) {
      if (!(step in DEFAULT_CASE_PERIODS)) errors.push({ field: `${at}.${step}`, code: 'unknown_field', message: { zh: '没有该办理环节', en: 'No such step' } });
      else if (!Number.isInteger(days) || (days as number) < (step === 'redAfter' ? 0 : 1) || (days as number) > MAX_CASE_PERIOD_DAYS)
        errors.push({ field: `${at}.${step}`, code: 'rule', message: { zh: `期限须为 ${step === 'redAfter' ? 0 : 1}～${MAX_CASE_PERIOD_DAYS} 个工作日`, en: `Between ${step === 'redAfter' ? 0 : 1} and ${MAX_CASE_PERIOD_DAYS} business days` } });
    }
  };
  check(settings.defaults, 'defaults');
  for (const [key, periods] of Object.entries(settings.byViolation ?? {})) {
    if (!violationKeys.has(key)) errors.push({ field: `byViolation.${key}`, code: 'invalid_option', message: { zh: '本项目知识库中没有该违法行为', en: 'The engagement’s knowledge base has no such violation' } });
    check(periods, `byViolation.${key}`);
  }
  return errors;
}

export interface CaseState {
  status: CaseStatus;
  tier: Tier;
  step: CaseStep;
  /** The day the step in hand began. */
  stepStartedOn: CivilDate;
  /** The last day of the step's period (observation: the day it ends; deferred: the review date). */
  dueOn: CivilDate;
  supervision: SupervisionLevel;
  reporterId: string;
  /** The department the case is referred to (法治), by name. */
  department: string | null;
  /** Where a deferral returns, or a failed verification goes back to. */
  returnTo: CaseStep | null;
  /** The resolution proposed or verified: at which tier, by whom, what was done. */
  resolution: { tier: Tier; byId: string; summary: string } | null;
}

export type CaseAction =
  | { type: 'publishLetter'; on: CivilDate; channel: string; approvedBy?: string | undefined; note?: string | undefined }
  | { type: 'logVisit'; on: CivilDate; visitor: string; visited: string; note?: string | undefined }
  | { type: 'applyMeasures'; on: CivilDate; clause: string; measures: string }
  | { type: 'recordMediation'; on: CivilDate; parties: string; outcome: 'agreed' | 'not_agreed'; note?: string | undefined }
  | { type: 'endObservation'; on: CivilDate; note?: string | undefined }
  | { type: 'escalate'; on: CivilDate; reason: string }
  | { type: 'refer'; on: CivilDate; department: string; note?: string | undefined }
  | { type: 'accept'; on: CivilDate; handler?: string | undefined; note?: string | undefined }
  | { type: 'sendBack'; on: CivilDate; reason: string }
  | { type: 'reply'; on: CivilDate; action: string; reply: string }
  | { type: 'resolve'; on: CivilDate; summary: string }
  | { type: 'verify'; on: CivilDate; passed: boolean; note: string }
  | { type: 'defer'; on: CivilDate; reason: string; reviewOn: CivilDate }
  | { type: 'resume'; on: CivilDate; note?: string | undefined }
  | { type: 'withdraw'; on: CivilDate; reason: string };
export type CaseActionType = CaseAction['type'];
export const CASE_ACTION_TYPES = [
  'publishLetter',
  'logVisit',
  'applyMeasures',
  'recordMediation',
  'endObservation',
  'escalate',
  'refer',
  'accept',
  'sendBack',
  'reply',
  'resolve',
  'verify',
  'defer',
  'resume',
  'withdraw',
] as const satisfies readonly CaseActionType[];

/** What the case's history records: a person's action, or what time did (actor null). */
export const CASE_EVENT_KINDS = [
  'reported',
  'letter_published',
  'visit_logged',
  'measures_applied',
  'mediation_recorded',
  'observation_ended',
  'escalated',
  'referred',
  'accepted',
  'sent_back',
  'replied',
  'resolution_proposed',
  'verified',
  'verification_failed',
  'deferred',
  'resumed',
  'supervised',
  'withdrawn',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export interface CaseEvent {
  kind: CaseEventKind;
  /** The day it happened (for a person's action, the day they say; for time, the day it came due). */
  on: CivilDate;
  actorId: string | null;
  /** What the person recorded (the letter's channel, the clause cited, the reason …), and for time the step and level. */
  details: Record<string, unknown>;
}

export interface CaseContext {
  calendar: BusinessCalendar;
  periods: CasePeriods;
  /** Today in Asia/Shanghai: no action is dated later. */
  today: CivilDate;
  actorId: string;
}

export type CaseDecision = { state: CaseState; event: CaseEvent } | { refused: 'case_closed' | 'wrong_step' | 'not_allowed' | 'invalid'; field?: string; message: LocalizedText };

const firstStep: Record<Tier, CaseStep> = { moral: 'letter', 'self-governance': 'measures', 'rule-of-law': 'referral' };

/** The state of a case just reported (on `reportedOn`) at its first tier. */
export function openCase(input: { reporterId: string; reportedOn: CivilDate; tier?: Tier }, calendar: BusinessCalendar, periods: CasePeriods): CaseState {
  const tier = input.tier ?? 'moral';
  return enter(
    { status: 'open', tier, step: firstStep[tier], stepStartedOn: input.reportedOn, dueOn: input.reportedOn, supervision: 'normal', reporterId: input.reporterId, department: null, returnTo: null, resolution: null },
    firstStep[tier],
    input.reportedOn,
    calendar,
    periods,
  );
}

function enter(state: CaseState, step: CaseStep, on: CivilDate, calendar: BusinessCalendar, periods: CasePeriods, dueOn?: CivilDate): CaseState {
  const due = dueOn ?? calendar.addBusinessDays(on, step === 'deferred' ? 0 : periods[step as TimedCaseStep]);
  return { ...state, step, stepStartedOn: on, dueOn: due, supervision: 'normal' };
}

const refusal = (refused: 'case_closed' | 'wrong_step' | 'not_allowed' | 'invalid', message: LocalizedText, field?: string): CaseDecision => ({ refused, message, ...(field ? { field } : {}) });

const ACTIVE_STEPS: readonly CaseStep[] = ['letter', 'measures', 'observation', 'review', 'referral', 'acceptance', 'reply'];

/** What a person's action does to the case, or why it is refused (nothing changes then). */
export function decideCaseAction(state: CaseState, action: CaseAction, context: CaseContext): CaseDecision {
  const { calendar, periods, today, actorId } = context;
  if (state.status !== 'open') return refusal('case_closed', { zh: '案件已办结或撤销，不能再办理', en: 'The case is closed' });
  if (action.on > today) return refusal('invalid', { zh: '日期不能晚于今天', en: 'The date cannot be later than today' }, 'on');
  if (action.on < state.stepStartedOn) return refusal('invalid', { zh: `日期不能早于当前环节开始之日（${state.stepStartedOn}）`, en: `The date cannot be before the current step began (${state.stepStartedOn})` }, 'on');
  const event = (kind: CaseEventKind, details: Record<string, unknown>): CaseEvent => ({ kind, on: action.on, actorId, details });
  const wrongStep = () => refusal('wrong_step', { zh: `案件当前处于“${caseStepLabels[state.step].zh}”环节，不能办理该事项`, en: `The case is at “${caseStepLabels[state.step].en}”; this action does not apply` });
  const at = (...steps: CaseStep[]) => steps.includes(state.step);
  const move = (step: CaseStep, changes: Partial<CaseState> = {}, dueOn?: CivilDate) => enter({ ...state, ...changes }, step, action.on, calendar, periods, dueOn);

  switch (action.type) {
    case 'publishLetter':
      if (state.tier !== 'moral' || !at('letter')) return wrongStep();
      return { state: move('observation'), event: event('letter_published', { channel: action.channel, approvedBy: action.approvedBy ?? null, note: action.note ?? null }) };
    case 'logVisit':
      if (state.tier === 'rule-of-law' || !at(...ACTIVE_STEPS)) return wrongStep();
      return { state, event: event('visit_logged', { visitor: action.visitor, visited: action.visited, note: action.note ?? null }) };
    case 'applyMeasures':
      if (state.tier !== 'self-governance' || !at('measures')) return wrongStep();
      return { state: move('observation'), event: event('measures_applied', { clause: action.clause, measures: action.measures }) };
    case 'recordMediation':
      if (state.tier !== 'self-governance' || !at(...ACTIVE_STEPS)) return wrongStep();
      return { state, event: event('mediation_recorded', { parties: action.parties, outcome: action.outcome, note: action.note ?? null }) };
    case 'endObservation':
      if (!at('observation')) return wrongStep();
      return { state: move('review'), event: event('observation_ended', { early: true, note: action.note ?? null }) };
    case 'escalate': {
      const next = nextTier(state.tier);
      if (!next) return refusal('wrong_step', { zh: '案件已在法治层级，不能再升级；可在复查研判时再次移送职能部门', en: 'The case is already at the rule-of-law tier; refer it again at the review instead' });
      if (!at(...ACTIVE_STEPS)) return wrongStep();
      const escalated = enter({ ...state, tier: next }, firstStep[next], action.on, calendar, periods);
      return { state: escalated, event: event('escalated', { from: state.tier, to: next, reason: action.reason }) };
    }
    case 'refer':
      if (state.tier !== 'rule-of-law' || !at('referral', 'review')) return wrongStep();
      return { state: move('acceptance', { department: action.department }), event: event('referred', { department: action.department, again: state.step === 'review', note: action.note ?? null }) };
    case 'accept':
      if (!at('acceptance')) return wrongStep();
      return { state: move('reply'), event: event('accepted', { department: state.department, handler: action.handler ?? null, note: action.note ?? null, dueOn: state.dueOn, onTime: action.on <= state.dueOn }) };
    case 'sendBack':
      if (!at('acceptance')) return wrongStep();
      return { state: move('referral', { department: null }), event: event('sent_back', { department: state.department, reason: action.reason }) };
    case 'reply':
      if (!at('reply')) return wrongStep();
      return { state: move('review'), event: event('replied', { department: state.department, action: action.action, reply: action.reply, dueOn: state.dueOn, onTime: action.on <= state.dueOn }) };
    case 'resolve':
      if (!at(...ACTIVE_STEPS)) return wrongStep();
      return {
        state: move('verification', { returnTo: state.step, resolution: { tier: state.tier, byId: actorId, summary: action.summary } }),
        event: event('resolution_proposed', { tier: state.tier, summary: action.summary }),
      };
    case 'verify': {
      if (!at('verification')) return wrongStep();
      if (actorId === state.reporterId) return refusal('not_allowed', { zh: '核查须由报告人以外的人员进行', en: 'Someone other than the reporter must verify the case' });
      if (action.passed) return { state: { ...state, status: 'resolved', supervision: 'normal' }, event: event('verified', { tier: state.resolution?.tier ?? state.tier, note: action.note }) };
      // Not resolved after all: back to the step it was proposed from, with a fresh period.
      return { state: move(state.returnTo ?? firstStep[state.tier], { returnTo: null, resolution: null }), event: event('verification_failed', { note: action.note }) };
    }
    case 'defer':
      if (!at(...ACTIVE_STEPS)) return wrongStep();
      if (action.reviewOn <= today) return refusal('invalid', { zh: '复查日期须晚于今天', en: 'The review date must be after today' }, 'reviewOn');
      if (action.reviewOn > addCalendarDays(today, 366)) return refusal('invalid', { zh: '挂账最长一年，复查日期须在一年以内', en: 'A case is deferred for a year at most' }, 'reviewOn');
      return { state: move('deferred', { returnTo: state.step }, action.reviewOn), event: event('deferred', { reason: action.reason, reviewOn: action.reviewOn, from: state.step }) };
    case 'resume':
      if (!at('deferred')) return wrongStep();
      return { state: move(state.returnTo ?? firstStep[state.tier], { returnTo: null }), event: event('resumed', { note: action.note ?? null, due: false }) };
    case 'withdraw':
      return { state: { ...state, status: 'withdrawn', supervision: 'normal' }, event: event('withdrawn', { reason: action.reason }) };
  }
}

/** The actions the case's step takes, whoever acts (the reporter cannot verify: `decideCaseAction` says so). */
export function caseActionsAt(state: Pick<CaseState, 'status' | 'tier' | 'step'>): CaseActionType[] {
  if (state.status !== 'open') return [];
  const { tier, step } = state;
  const active = ACTIVE_STEPS.includes(step);
  const actions: [CaseActionType, boolean][] = [
    ['publishLetter', tier === 'moral' && step === 'letter'],
    ['logVisit', tier !== 'rule-of-law' && active],
    ['applyMeasures', tier === 'self-governance' && step === 'measures'],
    ['recordMediation', tier === 'self-governance' && active],
    ['endObservation', step === 'observation'],
    ['escalate', tier !== 'rule-of-law' && active],
    ['refer', tier === 'rule-of-law' && (step === 'referral' || step === 'review')],
    ['accept', step === 'acceptance'],
    ['sendBack', step === 'acceptance'],
    ['reply', step === 'reply'],
    ['resolve', active],
    ['verify', step === 'verification'],
    ['defer', active],
    ['resume', step === 'deferred'],
    ['withdraw', true],
  ];
  return actions.filter(([, allowed]) => allowed).map(([type]) => type);
}

/**
 * The 督办 cards a later record shows were not owed: the step's closing action, entered afterwards,
 * is dated on or before the deadline (history typed in late, not a delay). By event number.
 */
export function voidedCards(events: readonly { seq: number; kind: string; on: CivilDate; step: string; details: Record<string, unknown> }[]): Set<number> {
  const voided = new Set<number>();
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  ordered.forEach((card, index) => {
    if (card.kind !== 'supervised' || typeof card.details.dueOn !== 'string') return;
    // The first later event that left the carded step (or closed the case) is what ended it.
    const closing = ordered.slice(index + 1).find((event) => event.kind !== 'supervised' && (event.step !== card.details.step || event.kind === 'verified' || event.kind === 'withdrawn'));
    if (closing && closing.on <= card.details.dueOn) voided.add(card.seq);
  });
  return voided;
}

/** What the department a case was referred to did with it, across an engagement's cases. */
export interface DepartmentScorecard {
  department: string;
  referred: number;
  accepted: number;
  acceptedOnTime: number;
  sentBack: number;
  replied: number;
  repliedOnTime: number;
  /** Cases with it now whose acceptance or reply is past its deadline. */
  overdueNow: number;
  yellowCards: number;
  redCards: number;
}

/**
 * Scorecards from the cases' events (oldest first) and the open cases now with a department. Cards
 * count only at the department's own steps (acceptance, reply): a late review is the team's, not theirs.
 */
export function departmentScorecards(
  events: readonly { kind: string; department: string | null; details: Record<string, unknown>; voided?: boolean }[],
  openReferrals: readonly { department: string; step: string; supervision: string }[],
): DepartmentScorecard[] {
  const cards = new Map<string, DepartmentScorecard>();
  const card = (department: string) => {
    let found = cards.get(department);
    if (!found) {
      found = { department, referred: 0, accepted: 0, acceptedOnTime: 0, sentBack: 0, replied: 0, repliedOnTime: 0, overdueNow: 0, yellowCards: 0, redCards: 0 };
      cards.set(department, found);
    }
    return found;
  };
  for (const event of events) {
    if (!event.department) continue;
    const entry = card(event.department);
    if (event.kind === 'referred') entry.referred += 1;
    if (event.kind === 'accepted') {
      entry.accepted += 1;
      if (event.details.onTime === true) entry.acceptedOnTime += 1;
    }
    if (event.kind === 'sent_back') entry.sentBack += 1;
    if (event.kind === 'replied') {
      entry.replied += 1;
      if (event.details.onTime === true) entry.repliedOnTime += 1;
    }
    if (event.kind === 'supervised' && !event.voided && (event.details.step === 'acceptance' || event.details.step === 'reply')) {
      if (event.details.level === 'yellow') entry.yellowCards += 1;
      if (event.details.level === 'red') entry.redCards += 1;
    }
  }
  for (const referral of openReferrals) {
    if ((referral.step === 'acceptance' || referral.step === 'reply') && referral.supervision !== 'normal') card(referral.department).overdueNow += 1;
  }
  return [...cards.values()].sort((a, b) => b.referred - a.referred || a.department.localeCompare(b.department, 'zh-CN'));
}

/** The instant after which a step's deadline has passed. */
const afterDay = (date: CivilDate) => new Date(endOfCivilDay(date).getTime() + 1);

/** When time next changes the case by itself, and what it does then; null: only a person moves it on. */
export function nextCaseTimer(state: CaseState, context: { calendar: BusinessCalendar; periods: CasePeriods }): { at: Date; apply: () => { state: CaseState; event: CaseEvent } } | null {
  if (state.status !== 'open') return null;
  const { calendar, periods } = context;
  if (state.step === 'observation') {
    // The review begins the day after the period's last day (never a day still to come: no action may be dated before it).
    const on = addCalendarDays(state.dueOn, 1);
    return { at: afterDay(state.dueOn), apply: () => ({ state: enter(state, 'review', on, calendar, periods), event: { kind: 'observation_ended', on, actorId: null, details: { early: false } } }) };
  }
  if (state.step === 'deferred') {
    const on = state.dueOn;
    return {
      at: morningOf(on),
      apply: () => ({ state: enter({ ...state, returnTo: null }, state.returnTo ?? firstStep[state.tier], on, calendar, periods), event: { kind: 'resumed', on, actorId: null, details: { due: true } } }),
    };
  }
  if (state.supervision === 'red') return null;
  const level: SupervisionLevel = state.supervision === 'normal' ? 'yellow' : 'red';
  const lastDay = level === 'yellow' ? state.dueOn : calendar.addBusinessDays(state.dueOn, periods.redAfter);
  return {
    at: afterDay(lastDay),
    apply: () => ({
      state: { ...state, supervision: level },
      event: { kind: 'supervised', on: addCalendarDays(lastDay, 1), actorId: null, details: { level, step: state.step, dueOn: state.dueOn, department: state.department } },
    }),
  };
}

/** Every timer that has come due by `now`, applied in order (a case recorded late can owe several at once). */
export function catchUpCase(state: CaseState, now: Date, context: { calendar: BusinessCalendar; periods: CasePeriods }): { state: CaseState; events: CaseEvent[] } {
  const events: CaseEvent[] = [];
  let current = state;
  for (let timer = nextCaseTimer(current, context); timer && timer.at.getTime() <= now.getTime(); timer = nextCaseTimer(current, context)) {
    const applied = timer.apply();
    current = applied.state;
    events.push(applied.event);
  }
  return { state: current, events };
}

/** Business days left in the step in hand (negative: overdue by that many); null for a closed case. */
export function businessDaysLeft(state: Pick<CaseState, 'status' | 'dueOn'>, now: Date, calendar: BusinessCalendar): number | null {
  if (state.status !== 'open') return null;
  return calendar.businessDaysBetween(civilDateAt(now), state.dueOn);
}

export const caseStepLabels: Record<CaseStep, LocalizedText> = {
  letter: { zh: '发布倡议书/公开信', en: 'Publish the open letter' },
  measures: { zh: '按居民公约处理', en: 'Apply the convention' },
  observation: { zh: '观察期', en: 'Observation period' },
  review: { zh: '复查研判', en: 'Review' },
  referral: { zh: '移送职能部门', en: 'Refer to the department' },
  acceptance: { zh: '部门受理', en: 'Department acceptance' },
  reply: { zh: '部门办理答复', en: 'Department action and reply' },
  verification: { zh: '办结核查', en: 'Verification' },
  deferred: { zh: '挂账', en: 'Deferred' },
};

export const caseStatusLabels: Record<CaseStatus, LocalizedText> = {
  open: { zh: '办理中', en: 'Open' },
  resolved: { zh: '已办结', en: 'Resolved' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

export const supervisionLabels: Record<SupervisionLevel, LocalizedText> = {
  normal: { zh: '正常', en: 'On time' },
  yellow: { zh: '黄牌督办', en: 'Yellow card' },
  red: { zh: '红牌督办', en: 'Red card' },
};

export const caseEventLabels: Record<CaseEventKind, LocalizedText> = {
  reported: { zh: '报告问题', en: 'Reported' },
  letter_published: { zh: '发布倡议书/公开信', en: 'Open letter published' },
  visit_logged: { zh: '入户劝导', en: 'Persuasion visit' },
  measures_applied: { zh: '按公约采取措施', en: 'Convention measures applied' },
  mediation_recorded: { zh: '矛盾纠纷调解', en: 'Mediation' },
  observation_ended: { zh: '观察期结束', en: 'Observation ended' },
  escalated: { zh: '升级处理', en: 'Escalated' },
  referred: { zh: '移送职能部门', en: 'Referred' },
  accepted: { zh: '部门受理', en: 'Accepted by the department' },
  sent_back: { zh: '部门回退', en: 'Sent back by the department' },
  replied: { zh: '部门答复', en: 'Department replied' },
  resolution_proposed: { zh: '申请办结', en: 'Resolution proposed' },
  verified: { zh: '核查通过，办结', en: 'Verified and closed' },
  verification_failed: { zh: '核查未通过', en: 'Verification failed' },
  deferred: { zh: '挂账', en: 'Deferred' },
  resumed: { zh: '恢复办理', en: 'Resumed' },
  supervised: { zh: '督办', en: 'Supervision' },
  withdrawn: { zh: '撤销', en: 'Withdrawn' },
};
