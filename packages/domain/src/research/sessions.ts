import { type LocalizedText } from '../template/schema';

/** 座谈会 and 访谈: the two kinds of field-research session besides questionnaires. */
export const RESEARCH_SESSION_KINDS = ['symposium', 'interview'] as const;
export type ResearchSessionKind = (typeof RESEARCH_SESSION_KINDS)[number];

export const researchSessionKindLabels: Record<ResearchSessionKind, LocalizedText> = {
  symposium: { zh: '座谈会', en: 'Symposium' },
  interview: { zh: '访谈', en: 'Interview' },
};

/** Problems one session may raise; more is a list to split over sessions. */
export const MAX_PROBLEMS_PER_SESSION = 40;

/** A problem as a session records it, with the lawyer's tag: a catalogue violation, or none that fits. */
export interface ProblemTag {
  /** A `violation` key of the engagement's knowledge; null when untagged or outside the catalogue. */
  violationKey: string | null;
  /** The lawyer decided no catalogue item fits (the problem stays on the list, untagged). */
  outsideCatalogue: boolean;
}
