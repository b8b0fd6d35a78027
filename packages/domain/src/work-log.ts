import { type LocalizedText } from './template/schema';

/**
 * 工作日志 / 台账: what the firm's lawyers did for an engagement, logged in seconds from a phone —
 * the record a 司法局's 考评 and the client's acceptance rest on ("logged service hours").
 */
export const WORK_LOG_ACTIVITIES = ['visit', 'advice', 'lecture', 'review', 'drafting', 'mediation', 'meeting', 'other'] as const;
export type WorkLogActivity = (typeof WORK_LOG_ACTIVITIES)[number];

export const workLogActivityLabels: Record<WorkLogActivity, LocalizedText> = {
  visit: { zh: '走访社区', en: 'Community visit' },
  advice: { zh: '法律咨询', en: 'Legal advice' },
  lecture: { zh: '法治讲座', en: 'Lecture' },
  review: { zh: '文件审查', en: 'Document review' },
  drafting: { zh: '文书起草', en: 'Drafting' },
  mediation: { zh: '纠纷调解', en: 'Mediation' },
  meeting: { zh: '会议座谈', en: 'Meeting' },
  other: { zh: '其他', en: 'Other' },
};

/** Minutes as hours with one decimal, as the log's totals and the ledger print them: 315 → "5.3". */
export const workLogHours = (minutes: number): string => (Math.round(minutes / 6) / 10).toFixed(1);

/** One entry's bounds: a day's work at most, a note a phone can hold. */
export const WORK_LOG_LIMITS = { minMinutes: 5, maxMinutes: 1440, note: 2000, reason: 2000, backdateDays: 366 } as const;

/** Entries of one activity in one community (`null`: the engagement as a whole), as a query groups them. */
export interface WorkLogGroup {
  activity: WorkLogActivity;
  community: { key: string; name: string } | null;
  entries: number;
  minutes: number;
}

export interface WorkLogTotals {
  entries: number;
  minutes: number;
  /** Every activity, in the list's order, with zero where none was logged. */
  byActivity: { activity: WorkLogActivity; entries: number; minutes: number }[];
  /** Each community something was logged in, by minutes (most first); `null` is the engagement as a whole. */
  byCommunity: { community: { key: string; name: string } | null; entries: number; minutes: number }[];
}

/** The totals of the entries that count (the caller leaves withdrawn ones out), by activity and by community. */
export function workLogTotals(groups: readonly WorkLogGroup[]): WorkLogTotals {
  const byActivity = WORK_LOG_ACTIVITIES.map((activity) => {
    const of = groups.filter((group) => group.activity === activity);
    return { activity, entries: sum(of, 'entries'), minutes: sum(of, 'minutes') };
  });
  const communities = new Map<string, { community: { key: string; name: string } | null; entries: number; minutes: number }>();
  for (const group of groups) {
    const key = group.community?.key ?? '';
    const row = communities.get(key) ?? { community: group.community, entries: 0, minutes: 0 };
    row.entries += group.entries;
    row.minutes += group.minutes;
    communities.set(key, row);
  }
  const byCommunity = [...communities.values()].sort((a, b) => b.minutes - a.minutes || (a.community?.key ?? '').localeCompare(b.community?.key ?? ''));
  return { entries: sum(groups, 'entries'), minutes: sum(groups, 'minutes'), byActivity, byCommunity };
}

const sum = (groups: readonly WorkLogGroup[], field: 'entries' | 'minutes') => groups.reduce((total, group) => total + group[field], 0);
