import { type DbClient, loadEngagementKnowledge } from '@gongzhi/db';
import { type ViolationEntry } from '@gongzhi/domain';

/** The engagement's catalogue violations by key, as research problems and cases name them. */
export type Violations = Map<string, Pick<ViolationEntry, 'key' | 'title' | 'unverified'>>;

export const violationsOf = async (db: DbClient, engagementId: string): Promise<Violations> =>
  new Map((await loadEngagementKnowledge(db, engagementId)).violations.map((entry) => [entry.key, entry]));

/** A violation key as the API shows it; one the engagement's copy no longer has (an adaptation removed it) still shows, flagged. */
export function violationRef(violations: Violations, key: string | null) {
  if (key === null) return null;
  const entry = violations.get(key);
  return entry ? { key: entry.key, title: entry.title, unverified: entry.unverified } : { key, title: key, unverified: true };
}
