import { type FieldError } from '../completion';
import { type Tier, TIERS } from '../tiers';

/**
 * The before/after comparison a street office can believe (governance-systems.md): tickets per 1,000
 * households by the categories mapped to the catalogue's violations, a 12-month baseline before the
 * engagement's first month against the months since, covered communities against the street's others,
 * 每月一题 campaign months marked (and left out of a second set of averages, since a campaign moves
 * the figures on its own).
 */
export const BASELINE_MONTHS = 12;

/** Tickets of one month, community and category (the database's group-by). */
export interface HotlineCount {
  month: string;
  community: string | null;
  category: string;
  tickets: number;
  responded: number;
  respondedOf: number;
  resolved: number;
  resolvedOf: number;
  satisfied: number;
  satisfiedOf: number;
}

export interface HotlineCommunity {
  name: string;
  households: number | null;
  covered: boolean;
}

export interface HotlineViolation {
  key: string;
  title: string;
  unverified: boolean;
  categories: { names: string[]; unverified: boolean };
}

export interface HotlineCampaign {
  month: string;
  topic: string;
}

export type HotlinePeriod = 'earlier' | 'baseline' | 'engagement';
export type HotlineGroup = 'covered' | 'uncovered';

export interface HotlineGroupSeries {
  /** Tickets per 1,000 households per month (`months` order); null for a month not imported or a group with no households. */
  monthly: (number | null)[];
  tickets: number[];
  baseline: number | null;
  engagement: number | null;
  baselineWithoutCampaigns: number | null;
  engagementWithoutCampaigns: number | null;
  /** engagement / baseline − 1; null without both. */
  change: number | null;
}

export interface HotlineSeries {
  /** `all-mapped`: any category mapped to a violation, a ticket once; else the violation's key. */
  key: string;
  title: string | null;
  unverified: boolean;
  categories: string[];
  covered: HotlineGroupSeries;
  uncovered: HotlineGroupSeries;
}

export interface HotlineFigures {
  months: { month: string; period: HotlinePeriod; campaign: string | null; imported: boolean }[];
  baselineMonths: { imported: number; of: number };
  households: { covered: number; uncovered: number; coveredWithout: string[]; uncoveredWithout: string[] };
  series: HotlineSeries[];
  /** Tickets counted for no community (neither cell named one), and tickets in no mapped category. */
  unattributed: number;
  unmapped: number;
  /** 三率 per month and group: the share of tickets with a yes among those with an answer (the city's exact formula is unverified). */
  rates: { month: string; group: HotlineGroup; response: number | null; resolution: number | null; satisfaction: number | null }[];
  /** Cases closed as resolved per month and the tier that resolved them. */
  cases: { month: string; resolved: Record<Tier, number> }[];
}

export const addMonths = (month: string, n: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Whether a ticket's category (one or several levels in one cell, e.g. 城乡建设/违法建设) is one of the names. */
export const categoryMatches = (category: string, names: readonly string[]) => names.some((name) => category.includes(name));

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const share = (yes: number, of: number) => (of === 0 ? null : yes / of);
const round = (value: number | null, digits = 3) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

export function hotlineFigures(input: {
  counts: readonly HotlineCount[];
  importedMonths: readonly string[];
  communities: readonly HotlineCommunity[];
  violations: readonly HotlineViolation[];
  campaigns: readonly HotlineCampaign[];
  /** The engagement's first month. */
  startMonth: string;
  resolvedCases: readonly { month: string; tier: Tier }[];
}): HotlineFigures {
  const { counts, communities, violations, campaigns, startMonth } = input;
  const imported = new Set(input.importedMonths);
  const baselineStart = addMonths(startMonth, -BASELINE_MONTHS);
  const sortedImported = [...imported].sort();
  const first = [sortedImported[0] ?? baselineStart, baselineStart].sort()[0]!;
  const last = [sortedImported.at(-1) ?? startMonth, startMonth].sort().at(-1)!;
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  const periodOf = (month: string): HotlinePeriod => (month >= startMonth ? 'engagement' : month >= baselineStart ? 'baseline' : 'earlier');
  const campaignOf = new Map(campaigns.map((campaign) => [campaign.month, campaign.topic]));

  const known = new Map(communities.map((community) => [community.name, community]));
  const groupOf = (name: string | null): HotlineGroup | null => (name === null ? null : known.get(name)?.covered ? 'covered' : 'uncovered');
  const households = { covered: 0, uncovered: 0, coveredWithout: [] as string[], uncoveredWithout: [] as string[] };
  for (const community of communities) {
    const group: HotlineGroup = community.covered ? 'covered' : 'uncovered';
    if (community.households) households[group] += community.households;
    else households[group === 'covered' ? 'coveredWithout' : 'uncoveredWithout'].push(community.name);
  }
  // A community named in tickets and nowhere else has no household count: its tickets stay out of the rates.
  const counted = (name: string | null) => name !== null && (known.get(name)?.households ?? 0) > 0;
  const uncoveredNamed = new Set(counts.filter((count) => count.community !== null && !known.has(count.community)).map((count) => count.community!));
  households.uncoveredWithout.push(...[...uncoveredNamed].sort());

  const mapped = violations.filter((violation) => violation.categories.names.length > 0);
  const allNames = mapped.flatMap((violation) => violation.categories.names);
  const monthIndex = new Map(months.map((month, index) => [month, index]));

  const groupSeries = (match: (category: string) => boolean, group: HotlineGroup): HotlineGroupSeries => {
    const tickets = months.map(() => 0);
    for (const count of counts) {
      if (groupOf(count.community) !== group || !counted(count.community) || !match(count.category)) continue;
      const index = monthIndex.get(count.month);
      if (index !== undefined) tickets[index]! += count.tickets;
    }
    const base = households[group];
    const monthly = months.map((month, index) => (imported.has(month) && base > 0 ? round((tickets[index]! / base) * 1000) : null));
    const average = (period: HotlinePeriod, withoutCampaigns: boolean) =>
      round(mean(months.flatMap((month, index) => (periodOf(month) === period && monthly[index] !== null && !(withoutCampaigns && campaignOf.has(month)) ? [monthly[index]!] : []))));
    const baseline = average('baseline', false);
    const engagement = average('engagement', false);
    return {
      monthly,
      tickets,
      baseline,
      engagement,
      baselineWithoutCampaigns: average('baseline', true),
      engagementWithoutCampaigns: average('engagement', true),
      change: baseline && engagement !== null ? round(engagement / baseline - 1) : null,
    };
  };

  const series: HotlineSeries[] = [
    { key: 'all-mapped', title: null, unverified: mapped.some((violation) => violation.unverified || violation.categories.unverified), categories: [...new Set(allNames)], match: (category: string) => categoryMatches(category, allNames) },
    ...mapped.map((violation) => ({
      key: violation.key,
      title: violation.title,
      unverified: violation.unverified || violation.categories.unverified,
      categories: violation.categories.names,
      match: (category: string) => categoryMatches(category, violation.categories.names),
    })),
  ]
    .map(({ match, ...rest }) => ({ ...rest, covered: groupSeries(match, 'covered'), uncovered: groupSeries(match, 'uncovered') }))
    // A violation no imported ticket falls under says nothing either way: left out (the total stays).
    .filter((item) => item.key === 'all-mapped' || [...item.covered.tickets, ...item.uncovered.tickets].some((tickets) => tickets > 0));

  const rates: HotlineFigures['rates'] = [];
  for (const month of months.filter((m) => imported.has(m))) {
    for (const group of ['covered', 'uncovered'] as const) {
      const sum = { responded: 0, respondedOf: 0, resolved: 0, resolvedOf: 0, satisfied: 0, satisfiedOf: 0 };
      for (const count of counts) {
        if (count.month !== month || groupOf(count.community) !== group) continue;
        for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += count[key];
      }
      rates.push({ month, group, response: round(share(sum.responded, sum.respondedOf)), resolution: round(share(sum.resolved, sum.resolvedOf)), satisfaction: round(share(sum.satisfied, sum.satisfiedOf)) });
    }
  }

  const cases = months.map((month) => ({
    month,
    resolved: Object.fromEntries(TIERS.map((tier) => [tier, input.resolvedCases.filter((c) => c.month === month && c.tier === tier).length])) as Record<Tier, number>,
  }));

  return {
    months: months.map((month) => ({ month, period: periodOf(month), campaign: campaignOf.get(month) ?? null, imported: imported.has(month) })),
    baselineMonths: { imported: months.filter((month) => periodOf(month) === 'baseline' && imported.has(month)).length, of: BASELINE_MONTHS },
    households,
    series,
    unattributed: counts.filter((count) => count.community === null).reduce((sum, count) => sum + count.tickets, 0),
    unmapped: counts.filter((count) => !categoryMatches(count.category, allNames)).reduce((sum, count) => sum + count.tickets, 0),
    rates,
    cases,
  };
}

/** Why settings do not fit: a community named twice, a month with two campaigns. */
export function hotlineSettingsProblems(settings: { communities: readonly { name: string }[]; campaigns: readonly HotlineCampaign[] }): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  settings.communities.forEach((community, index) => {
    const name = community.name.trim();
    if (names.has(name)) {
      errors.push({ field: `communities.${index}.name`, code: 'rule', message: { zh: `社区“${name}”重复`, en: `“${name}” is listed twice` } });
    }
    names.add(name);
  });
  const months = new Set<string>();
  settings.campaigns.forEach((campaign, index) => {
    if (months.has(campaign.month)) errors.push({ field: `campaigns.${index}.month`, code: 'rule', message: { zh: `${campaign.month} 已有每月一题主题`, en: `${campaign.month} already has a campaign` } });
    months.add(campaign.month);
  });
  return errors;
}

/**
 * The covered communities' tickets in the catalogue's categories over the engagement's imported months
 * so far against as many imported months just before it began (the 项目总结报告's before/after); null
 * without both.
 */
export function hotlineBeforeAfter(figures: Pick<HotlineFigures, 'months' | 'series'>): { before: number; after: number; months: number } | null {
  const all = figures.series.find((series) => series.key === 'all-mapped');
  if (!all) return null;
  const indexes = (period: HotlinePeriod) => figures.months.flatMap((month, index) => (month.period === period && month.imported ? [index] : []));
  const during = indexes('engagement');
  const baseline = indexes('baseline');
  const months = Math.min(during.length, baseline.length);
  if (months === 0) return null;
  const sum = (picked: number[]) => picked.reduce((total, index) => total + (all.covered.tickets[index] ?? 0), 0);
  return { before: sum(baseline.slice(-months)), after: sum(during.slice(0, months)), months };
}
