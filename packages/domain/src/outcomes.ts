import { type CivilDate } from './calendar';
import { type Tier } from './tiers';

/**
 * 预期效果: what the engagement achieved, as its own records show it — the evidence the client
 * accepts the project on. Every figure comes from a record (a completed task's form, a case, an
 * imported 12345 month, the work log), never typed in for the purpose.
 */

/** The promotion events the template records (stage 7), by their task's template key. */
export const OUTCOME_EVENT_KINDS = ['launch-ceremony', 'knowledge-contest', 'art-performance', 'cadre-forum'] as const;
export type OutcomeEventKind = (typeof OUTCOME_EVENT_KINDS)[number];

export const outcomeEventKindLabels: Record<OutcomeEventKind, { zh: string; en: string }> = {
  'launch-ceremony': { zh: '启动仪式', en: 'Launch ceremony' },
  'knowledge-contest': { zh: '知识竞赛', en: 'Knowledge contest' },
  'art-performance': { zh: '文艺展演', en: 'Art performance' },
  'cadre-forum': { zh: '主题论坛', en: 'Cadre forum' },
};

/** A community's residents' meeting on its convention, as the PM entered it from the minutes, with its 备案. */
export interface OutcomeConvention {
  communityKey: string | null;
  community: string;
  adoptedOn: CivilDate;
  /** Members of the meeting (residents 18+, household or group representatives). */
  eligible: number;
  attendees: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  filingNo: string | null;
  filedOn: CivilDate | null;
}

export interface OutcomeTraining {
  date: CivilDate;
  attendance: number;
}

export interface OutcomeEvent {
  date: CivilDate;
  communityKey: string | null;
  community: string;
  kind: OutcomeEventKind;
  theme: string | null;
  participants: number;
}

export interface OutcomeCases {
  /** Counted once each. */
  reported: number;
  resolved: number;
  /** Each tier a case reached, with how many it resolved and their mean days to resolution. */
  tiers: { tier: Tier; reached: number; resolved: number; averageDays: number | null }[];
}

export interface OutcomeHotline {
  /** Tickets in the catalogue's categories, the same number of months before and after. */
  before: number;
  after: number;
  months: number;
  /** A synthetic extract (模拟数据): shown 待核实. */
  unverified: boolean;
}

/** The facts behind the outcomes page, its report and the 项目总结报告. */
export interface OutcomeFacts {
  conventions: OutcomeConvention[];
  trainings: OutcomeTraining[];
  events: OutcomeEvent[];
  /** Households the special and regular publicity reached. */
  householdsReached: number;
  cases: OutcomeCases;
  modelHouseholds: number;
  hotline: OutcomeHotline | null;
}

type Place = { key: string; name: string };

/** The outcomes page and its evidence workbook: the facts with what the engagement adds to them. */
export interface EngagementOutcomes {
  engagementId: string;
  asOf: CivilDate;
  communities: Place[];
  deliverables: { approved: number; total: number; items: { title: { zh: string; en: string }; community: Place | null; approvedOn: CivilDate }[] };
  departments: { inMechanism: Place[]; consulted: Place[] };
  conventions: (Omit<OutcomeConvention, 'communityKey' | 'community'> & {
    community: Place | null;
    /** Quorum and majority under 组织法 Art. 9, recomputed from the figures. */
    valid: boolean;
  })[];
  trainings: { sessions: number; attendance: number };
  events: { held: number; participants: number; householdsReached: number; items: { date: CivilDate; community: Place | null; kind: OutcomeEventKind; theme: string | null; participants: number }[] };
  cases: OutcomeCases & { modelHouseholds: number };
  hotline: OutcomeHotline | null;
  service: { entries: number; minutes: number; consultations: number };
}
