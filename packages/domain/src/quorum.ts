/**
 * 居民会议 (residents' meeting), 城市居民委员会组织法 Art. 9: valid with more than half of the
 * relevant body present; decisions need more than half of those present.
 */
export interface ResidentsMeetingResult {
  quorumMet: boolean;
  passed: boolean;
  /** Smallest attendance that is "more than half" of the eligible members. */
  requiredAttendance: number;
  /** Smallest number of votes for that is "more than half" of those present. */
  requiredVotesFor: number;
}

const moreThanHalf = (n: number) => Math.floor(n / 2) + 1;

export function evaluateResidentsMeeting(vote: { eligible: number; attendees: number; votesFor: number }): ResidentsMeetingResult {
  const requiredAttendance = moreThanHalf(vote.eligible);
  const requiredVotesFor = moreThanHalf(vote.attendees);
  const quorumMet = vote.attendees >= requiredAttendance && vote.attendees <= vote.eligible;
  return { quorumMet, requiredAttendance, requiredVotesFor, passed: quorumMet && vote.votesFor >= requiredVotesFor && vote.votesFor <= vote.attendees };
}

/**
 * 业主共同决定, 民法典 Art. 278: owners with ≥ 2/3 of the exclusive area and ≥ 2/3 of the owners
 * take part; items (6)–(8) (raising repair funds, rebuilding, changing use of common parts) need
 * ≥ 3/4 of the participating area and owners, other items more than half of both.
 */
export type OwnersMatter = 'special' | 'ordinary';

export interface OwnersVote {
  totalArea: number;
  totalOwners: number;
  participatingArea: number;
  participatingOwners: number;
  areaFor: number;
  ownersFor: number;
}

export function evaluateOwnersVote(vote: OwnersVote, matter: OwnersMatter): { participationMet: boolean; passed: boolean } {
  // Cross-multiplied so that thresholds are exact, with no floating-point fractions.
  const participationMet = vote.participatingArea * 3 >= vote.totalArea * 2 && vote.participatingOwners * 3 >= vote.totalOwners * 2;
  const approves =
    matter === 'special'
      ? vote.areaFor * 4 >= vote.participatingArea * 3 && vote.ownersFor * 4 >= vote.participatingOwners * 3
      : vote.areaFor * 2 > vote.participatingArea && vote.ownersFor * 2 > vote.participatingOwners;
  return { participationMet, passed: participationMet && approves };
}
