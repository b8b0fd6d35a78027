import { addCalendarDays, ADOPTION_LIMITS } from '@gongzhi/domain';
import type { Adoption, AdoptionStatus, MeetingFigures, MeetingVerdict } from '../api/adoptions';

export const STATUS_COLORS: Record<AdoptionStatus, string> = {
  notice: 'blue',
  awaiting_meeting: 'gold',
  meeting_failed: 'volcano',
  awaiting_filing: 'cyan',
  adopted: 'green',
  withdrawn: 'default',
};

export const VERDICT_COLORS: Record<MeetingVerdict, string> = {
  passed: 'green',
  no_quorum: 'orange',
  vote_lost: 'red',
};

/** How a verdict reads as an alert: a vote that passed, one that did not count, one that was lost. */
export const VERDICT_ALERTS: Record<MeetingVerdict, 'success' | 'warning' | 'error'> = {
  passed: 'success',
  no_quorum: 'warning',
  vote_lost: 'error',
};

const later = (a: string, b: string) => (a > b ? a : b);

/** What the dates of the next step depend on: the current notice and the meetings so far. */
type Steps = { notice: { to: string }; meetings: readonly { heldOn: string }[] };

export interface DateBounds {
  initial: string;
  min: string;
  max: string;
}

/**
 * A first notice: from today for the firm's seven days; it may have been posted up to 30 days ago
 * (put on record late) and start up to 30 days ahead.
 */
export function noticeBounds(today: string): { from: DateBounds; to: string } {
  return {
    from: {
      initial: today,
      min: addCalendarDays(today, -ADOPTION_LIMITS.maxNoticeBackdateDays),
      max: addCalendarDays(today, 30),
    },
    to: addCalendarDays(today, ADOPTION_LIMITS.minNoticeDays),
  };
}

/** The day a revised draft's notice must start after: the last meeting's, else the previous notice's end. */
export function renoticeAfter(adoption: Steps): string {
  return adoption.meetings.at(-1)?.heldOn ?? adoption.notice.to;
}

/** A revised draft's notice: starting the day after the last meeting (or notice) at the earliest, today if that is later. */
export function renoticeBounds(adoption: Steps, today: string): { from: DateBounds; to: string } {
  const first = noticeBounds(today);
  const min = later(first.from.min, addCalendarDays(renoticeAfter(adoption), 1));
  const initial = later(today, min);
  return { from: { initial, min, max: first.from.max }, to: addCalendarDays(initial, ADOPTION_LIMITS.minNoticeDays) };
}

/** A meeting: after the notice, not before the previous meeting, not in the future; today by default. */
export function meetingDateBounds(adoption: Steps, today: string): DateBounds {
  const previous = adoption.meetings.at(-1)?.heldOn;
  const min = later(addCalendarDays(adoption.notice.to, 1), previous ?? '');
  return { initial: today, min, max: today };
}

/** The filing: not before the vote that passed, not in the future. */
export function filingDateBounds(
  adoption: { meetings: readonly { heldOn: string; verdict: MeetingVerdict }[] },
  today: string,
): DateBounds {
  const passed = adoption.meetings.find((meeting) => meeting.verdict === 'passed');
  return { initial: today, min: passed?.heldOn ?? '', max: today };
}

/** A civil date within the bounds (an empty bound does not bind). */
export const withinBounds = (value: string, bounds: { min: string; max: string }): boolean =>
  (!bounds.min || value >= bounds.min) && (!bounds.max || value <= bounds.max);

export const RESIDENTS_FIELDS = ['eligible', 'attendees', 'votesFor', 'votesAgainst', 'abstentions'] as const;
export const OWNERS_FIELDS = [
  'totalArea',
  'totalOwners',
  'participatingArea',
  'participatingOwners',
  'areaFor',
  'ownersFor',
] as const;
export type FigureField = (typeof RESIDENTS_FIELDS)[number] | (typeof OWNERS_FIELDS)[number];
export const AREA_FIELDS: ReadonlySet<FigureField> = new Set(['totalArea', 'participatingArea', 'areaFor']);

/** The figures of a meeting's form, of the kind its instrument takes. */
export function figuresOf(
  kind: MeetingFigures['kind'],
  values: Partial<Record<FigureField, number | null>>,
): MeetingFigures {
  const value = (field: FigureField) => Number(values[field] ?? 0);
  if (kind === 'residents') {
    return {
      kind,
      eligible: value('eligible'),
      attendees: value('attendees'),
      votesFor: value('votesFor'),
      votesAgainst: value('votesAgainst'),
      abstentions: value('abstentions'),
    };
  }
  return {
    kind,
    totalArea: value('totalArea'),
    totalOwners: value('totalOwners'),
    participatingArea: value('participatingArea'),
    participatingOwners: value('participatingOwners'),
    areaFor: value('areaFor'),
    ownersFor: value('ownersFor'),
  };
}

/** A meeting's figures in the order they are read out, each with its field (for its label and unit). */
export function figureRows(figures: MeetingFigures): { field: FigureField; value: number }[] {
  if (figures.kind === 'residents') return RESIDENTS_FIELDS.map((field) => ({ field, value: figures[field] }));
  return OWNERS_FIELDS.map((field) => ({ field, value: figures[field] }));
}

/** Square metres as written in minutes: thousands grouped, at most two decimals. */
export const formatArea = (value: number): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** The form field a server field error belongs to (`figures.attendees` is the attendees field). */
export function formFieldOf(field: string): string {
  return field.startsWith('figures.') ? field.slice('figures.'.length) : field;
}

/** The communities the procedures are in, once each, in the list's order: the filter's options. */
export function communitiesOf(items: readonly Pick<Adoption, 'community'>[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const item of items) if (!seen.has(item.community.id)) seen.set(item.community.id, item.community.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The vote that settled it or the last one tried: what the procedure's page leads with. */
export function latestMeeting<T extends { verdict: MeetingVerdict }>(meetings: readonly T[]): T | undefined {
  return meetings.find((meeting) => meeting.verdict === 'passed') ?? meetings.at(-1);
}

/** Still going: on notice, waiting for a vote, or for the filing. */
export const isInProgress = (status: AdoptionStatus): boolean => status !== 'adopted' && status !== 'withdrawn';

/** A comment link as the resident opens it: this dashboard's origin and the path the API gave (`/c/<token>`). */
export const commentLinkUrl = (origin: string, path: string): string =>
  `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;

/** How many comment links one issue asks for: a whole number from 1 to the API's limit. */
export const isValidLinkCount = (count: number | null): count is number =>
  count !== null && Number.isInteger(count) && count >= 1 && count <= ADOPTION_LIMITS.linksPerIssue;
