import type { EngagementOutcomes, OutcomeConvention } from '../api/outcomes';

type Place = EngagementOutcomes['communities'][number];

/** The headline of the conventions: communities validly adopting theirs, how many of those filed it, and who has not voted. */
export interface ConventionSummary {
  /** Communities with a valid vote (a community voting twice counts once). */
  adopted: number;
  /** Of those, the ones whose valid vote is filed (备案). */
  filed: number;
  /** The engagement's communities with no vote at all, in the engagement's order. */
  pending: Place[];
}

export function conventionSummary(outcomes: Pick<EngagementOutcomes, 'communities' | 'conventions'>): ConventionSummary {
  const voted = new Set(outcomes.conventions.flatMap((convention) => (convention.community ? [convention.community.key] : [])));
  const valid = outcomes.conventions.filter((convention) => convention.valid && convention.community);
  const adopted = new Set(valid.map((convention) => convention.community!.key));
  const filed = new Set(valid.filter((convention) => convention.filedOn !== null).map((convention) => convention.community!.key));
  return { adopted: adopted.size, filed: filed.size, pending: outcomes.communities.filter((community) => !voted.has(community.key)) };
}

/**
 * Why a vote fails Art. 9 of the 城市居民委员会组织法 (more than half of those eligible present,
 * more than half of those present for), as its figures show; null when they show no reason (the
 * API's `valid` is the verdict, this only words it).
 */
export function invalidReason(convention: Pick<OutcomeConvention, 'eligible' | 'attendees' | 'votesFor'>): 'noQuorum' | 'noMajority' | null {
  if (convention.attendees * 2 <= convention.eligible) return 'noQuorum';
  if (convention.votesFor * 2 <= convention.attendees) return 'noMajority';
  return null;
}

/** Resolved of reported, as a share; null with nothing reported. */
export const resolutionRate = (cases: { reported: number; resolved: number }): number | null => (cases.reported === 0 ? null : cases.resolved / cases.reported);

/** The 12345 change after against before, as a share (negative: fewer tickets); null without a before. */
export const hotlineChange = (hotline: { before: number; after: number }): number | null => (hotline.before === 0 ? null : (hotline.after - hotline.before) / hotline.before);

/** 0.2 → "20%"; 0.2345 with one digit → "23.5%"; a change carries its sign ("+12.0%", "-26.2%"). */
export function formatPercent(share: number | null, { digits = 0, signed = false }: { digits?: number; signed?: boolean } = {}): string {
  if (share === null) return '—';
  const value = (share * 100).toFixed(digits);
  return `${signed && share > 0 ? '+' : ''}${value}%`;
}

/** The client's acceptance of the engagement: a stage gate the client's contact signs (委托方项目验收). */
export const isClientAcceptance = (task: { isGate: boolean; role: string }): boolean => task.isGate && task.role === 'client';
