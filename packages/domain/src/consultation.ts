import { addCalendarDays } from './calendar';
import { type LocalizedText } from './template/schema';

/**
 * 会诊: a hard legal question put to several of the firm's lawyers before it is answered — the
 * question and its materials, the lawyers asked, a deadline; each gives an opinion, and the
 * engagement's partner or its PM (the lead 法律顾问) writes the conclusion. A task can wait for it.
 * Concluded consultations are the firm's know-how, searchable across engagements.
 */
export const CONSULTATION_STATUSES = ['open', 'concluded', 'withdrawn'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const consultationStatusLabels: Record<ConsultationStatus, LocalizedText> = {
  open: { zh: '征求意见中', en: 'Gathering opinions' },
  concluded: { zh: '已形成结论', en: 'Concluded' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Bounds of one consultation: a question and materials a lawyer writes out, a handful of lawyers, a deadline within a quarter. */
export const CONSULTATION_LIMITS = {
  topic: 120,
  question: 4000,
  materials: 4000,
  opinion: 4000,
  conclusion: 4000,
  reason: 2000,
  maxInvitees: 20,
  maxDueDays: 90,
  /** Opinions one consultation takes before it must be concluded. */
  maxOpinions: 200,
} as const;

/** The latest deadline a consultation opened `today` may set. */
export const latestConsultationDue = (today: string): string => addCalendarDays(today, CONSULTATION_LIMITS.maxDueDays);

/** Still gathering opinions after its deadline day. */
export const isConsultationOverdue = (consultation: { status: ConsultationStatus; dueOn: string }, today: string): boolean => consultation.status === 'open' && consultation.dueOn < today;
