import { bankQuestionsFor, type Question, type RespondentAudience, respondentAudienceLabels } from '@gongzhi/domain';
import { questionnaireDraft } from '../../../locales/research/draft';

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);

/** The place the client governs, as a title names it: its name without 办事处 / 人民政府. */
export function placeOf(clientName: string): string {
  const name = clientName.trim();
  const suffix = questionnaireDraft.clientSuffixes.find((item) => name.endsWith(item) && name.length > item.length);
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** 东城区安定门街道社区治理情况调查问卷（居民代表、业主委员会） */
export const draftTitle = (clientName: string, audience: RespondentAudience): string =>
  fill(questionnaireDraft.title, { place: placeOf(clientName), audience: respondentAudienceLabels[audience] });

/** Who asks (the client and the firm's project team), why, and that answers are anonymous. */
export const draftIntro = (clientName: string, audience: RespondentAudience): string =>
  fill(questionnaireDraft.intro, {
    greeting: questionnaireDraft.greeting[audience],
    place: placeOf(clientName),
    client: clientName.trim(),
  });

/** A starting questionnaire for an audience: its title, intro and the bank's questions for it. */
export function draftQuestionnaire(
  clientName: string,
  audience: RespondentAudience,
): { title: string; intro: string; questions: Question[] } {
  return {
    title: draftTitle(clientName, audience),
    intro: draftIntro(clientName, audience),
    questions: bankQuestionsFor(audience),
  };
}

/** A key for a question the user writes: `custom-1`, `custom-2`… none already in the questionnaire. */
export function customQuestionKey(questions: readonly Pick<Question, 'key'>[]): string {
  const taken = new Set(questions.map((question) => question.key));
  let n = 1;
  while (taken.has(`custom-${n}`)) n += 1;
  return `custom-${n}`;
}

/** Moves the item at `from` to `to` (a new array). */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
