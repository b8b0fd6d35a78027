import { type CivilDate, daysBetween } from '../calendar';
import { type Tier, TIERS } from '../tiers';
import { type CaseStatus } from './flow';

/**
 * What the cases show, as the street office asks: how far cases had to go (the tier each reached),
 * how many each tier resolved of those that reached it, and how long resolution took (calendar days
 * from the report to the verified resolution: median and 90th percentile), overall, per community
 * and per violation type.
 */
export interface CaseForFigures {
  community: string;
  /** The catalogue violation's key; null: outside the catalogue. */
  violationKey: string | null;
  reportedOn: CivilDate;
  /** The tier it was reported at (a case may start above 德治) and the highest it was at. */
  tierStarted: Tier;
  tierReached: Tier;
  status: CaseStatus;
  resolvedTier: Tier | null;
  /** The day its resolution was verified; null while open or when withdrawn. */
  resolvedOn: CivilDate | null;
}

export interface CaseFigureGroup {
  reported: number;
  open: number;
  resolved: number;
  withdrawn: number;
  /** Per tier: the cases that reached it, those it resolved, and that share (null when none reached it). */
  tiers: Record<Tier, { reached: number; resolved: number; rate: number | null }>;
  /** Calendar days from report to verified resolution. */
  days: { median: number | null; p90: number | null };
}

/** The nearest-rank percentile (p in 0–100) of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** The median as statisticians give it: the middle value, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function caseFigureGroup(cases: readonly CaseForFigures[]): CaseFigureGroup {
  const tiers = Object.fromEntries(
    TIERS.map((tier, index) => {
      const reached = cases.filter((item) => TIERS.indexOf(item.tierStarted) <= index && TIERS.indexOf(item.tierReached) >= index).length;
      const resolved = cases.filter((item) => item.status === 'resolved' && item.resolvedTier === tier).length;
      return [tier, { reached, resolved, rate: reached === 0 ? null : Math.round((resolved / reached) * 1000) / 1000 }];
    }),
  ) as CaseFigureGroup['tiers'];
  const days = cases
    .filter((item) => item.status === 'resolved' && item.resolvedOn !== null)
    .map((item) => daysBetween(item.reportedOn, item.resolvedOn!))
    .sort((a, b) => a - b);
  return {
    reported: cases.length,
    open: cases.filter((item) => item.status === 'open').length,
    resolved: cases.filter((item) => item.status === 'resolved').length,
    withdrawn: cases.filter((item) => item.status === 'withdrawn').length,
    tiers,
    days: { median: median(days), p90: percentile(days, 90) },
  };
}

export interface CaseFigures {
  overall: CaseFigureGroup;
  byCommunity: ({ community: string } & CaseFigureGroup)[];
  byViolation: ({ violationKey: string | null } & CaseFigureGroup)[];
}

export function caseFigures(cases: readonly CaseForFigures[], communities: readonly string[]): CaseFigures {
  const groupBy = <K>(key: (item: CaseForFigures) => K, order: readonly K[]) => {
    const keys = [...order, ...cases.map(key).filter((value) => !order.includes(value))];
    return [...new Set(keys)].map((value) => ({ value, group: caseFigureGroup(cases.filter((item) => key(item) === value)) }));
  };
  return {
    overall: caseFigureGroup(cases),
    byCommunity: groupBy((item) => item.community, communities).map(({ value, group }) => ({ community: value, ...group })),
    byViolation: groupBy((item) => item.violationKey, [])
      .map(({ value, group }) => ({ violationKey: value, ...group }))
      .sort((a, b) => b.reported - a.reported),
  };
}
