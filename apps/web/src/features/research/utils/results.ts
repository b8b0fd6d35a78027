import type { QuestionResult } from '../api/get-questionnaires';

/** A whole-number share; 0 when nobody answered. */
export const percentOf = (count: number, total: number): number => (total > 0 ? Math.round((count / total) * 100) : 0);

/** The most chosen option(s) — ties all named — or none when nobody chose any. */
export function topOptions(counts: readonly { option: string; count: number }[]): { options: string[]; count: number } {
  const count = Math.max(0, ...counts.map((item) => item.count));
  return { options: count > 0 ? counts.filter((item) => item.count === count).map((item) => item.option) : [], count };
}

/** A mean as shown: two decimals at most, without trailing zeros (3.5, 4, 3.67). */
export const formatMean = (mean: number): string => String(Math.round(mean * 100) / 100);

export type ChoiceResult = Extract<QuestionResult, { type: 'single' | 'multiple' }>;
export type ScaleResult = Extract<QuestionResult, { type: 'scale' }>;
export type TextResult = Extract<QuestionResult, { type: 'text' }>;
