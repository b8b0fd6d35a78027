import type { SupervisionLevel, Tier } from '@gongzhi/domain';
import type { CaseSummary } from '../api/cases';
import type { CasesT } from './use-cases-translation';

export const TIER_COLORS: Record<Tier, string> = { moral: 'green', 'self-governance': 'blue', 'rule-of-law': 'purple' };
/** The same tiers in a chart (antd's green, blue, purple). */
export const TIER_COLORS_HEX: Record<Tier, string> = { moral: '#52c41a', 'self-governance': '#1677ff', 'rule-of-law': '#722ed1' };
export const SUPERVISION_COLORS: Record<SupervisionLevel, string | undefined> = { normal: undefined, yellow: 'gold', red: 'red' };

/** The countdown of the step in hand, in business days. */
export function dueText(t: CasesT, item: Pick<CaseSummary, 'businessDaysLeft' | 'status'>): string {
  if (item.status !== 'open' || item.businessDaysLeft === null) return t('due.closed');
  if (item.businessDaysLeft > 0) return t('due.left', { count: item.businessDaysLeft });
  if (item.businessDaysLeft === 0) return t('due.today');
  return t('due.overdue', { count: -item.businessDaysLeft });
}
