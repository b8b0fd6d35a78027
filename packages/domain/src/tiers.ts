import { type LocalizedText } from './template/schema';

/**
 * The interaction mechanism's three tiers for a community problem (德治 → 自治 → 法治): an open
 * letter first, then treatment under the resident convention, then referral to the department
 * responsible under the joint-enforcement plan.
 */
export const TIERS = ['moral', 'self-governance', 'rule-of-law'] as const;
export type Tier = (typeof TIERS)[number];

export const tierLabels: Record<Tier, LocalizedText> = {
  moral: { zh: '德治：倡议书/公开信', en: 'Moral: open letter' },
  'self-governance': { zh: '自治：居民公约专项治理', en: 'Self-governance: convention measures' },
  'rule-of-law': { zh: '法治：移送职能部门查处', en: 'Rule of law: referral to the department' },
};

/** The next tier when a problem stays unresolved; null once it is with the enforcing department. */
export function nextTier(tier: Tier): Tier | null {
  return TIERS[TIERS.indexOf(tier) + 1] ?? null;
}
