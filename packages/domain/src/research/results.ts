import { type Answers, type Question } from './questionnaire';

export interface ResponseForResults {
  /** The community it speaks for; null: the whole street (or not said). */
  communityId: string | null;
  answers: Answers;
}

export interface OptionCount {
  option: string;
  count: number;
}

/** One question's results: how many answered it and, by type, the counts, the mean or the texts. */
export type QuestionResult =
  | { key: string; type: 'single' | 'multiple'; answered: number; counts: OptionCount[]; byCommunity: { communityId: string | null; answered: number; counts: OptionCount[] }[] }
  | { key: string; type: 'scale'; answered: number; points: number; counts: OptionCount[]; mean: number | null; byCommunity: { communityId: string | null; answered: number; mean: number | null; counts: OptionCount[] }[] }
  | { key: string; type: 'text'; answered: number; texts: string[] };

export interface QuestionnaireResults {
  responses: number;
  byCommunity: { communityId: string | null; responses: number }[];
  questions: QuestionResult[];
}

const MAX_TEXTS = 200;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Per-question results of a questionnaire's responses, overall and per community: the tables
 * behind the dashboard's charts, the export and the research report. Responses to an earlier
 * version count for the questions they share with this one (answers are keyed by question).
 */
export function summarizeResponses(questions: readonly Question[], responses: readonly ResponseForResults[]): QuestionnaireResults {
  const communities = [...new Set(responses.map((response) => response.communityId))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const ofCommunity = (communityId: string | null) => responses.filter((response) => response.communityId === communityId);
  const optionCounts = (question: Question & { options: string[] }, within: readonly ResponseForResults[]): { answered: number; counts: OptionCount[] } => {
    const counts = new Map(question.options.map((option) => [option, 0]));
    let answered = 0;
    for (const { answers } of within) {
      const answer = answers[question.key];
      const chosen = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
      const valid = chosen.filter((option) => counts.has(option));
      if (valid.length === 0) continue;
      answered += 1;
      for (const option of valid) counts.set(option, (counts.get(option) ?? 0) + 1);
    }
    return { answered, counts: [...counts].map(([option, count]) => ({ option, count })) };
  };
  const scores = (question: Question & { type: 'scale' }, within: readonly ResponseForResults[]) =>
    within.map(({ answers }) => answers[question.key]).filter((answer): answer is number => typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= question.points);
  const mean = (values: number[]) => (values.length === 0 ? null : round2(values.reduce((sum, value) => sum + value, 0) / values.length));

  const results = questions.map((question): QuestionResult => {
    switch (question.type) {
      case 'single':
      case 'multiple':
        return {
          key: question.key,
          type: question.type,
          ...optionCounts(question, responses),
          byCommunity: communities.map((communityId) => ({ communityId, ...optionCounts(question, ofCommunity(communityId)) })),
        };
      case 'scale': {
        const all = scores(question, responses);
        const distribution = (values: number[]) => Array.from({ length: question.points }, (_, index) => ({ option: String(index + 1), count: values.filter((score) => score === index + 1).length }));
        return {
          key: question.key,
          type: 'scale',
          answered: all.length,
          points: question.points,
          counts: distribution(all),
          mean: mean(all),
          byCommunity: communities.map((communityId) => {
            const within = scores(question, ofCommunity(communityId));
            return { communityId, answered: within.length, mean: mean(within), counts: distribution(within) };
          }),
        };
      }
      case 'text': {
        const texts = responses.map(({ answers }) => answers[question.key]).filter((answer): answer is string => typeof answer === 'string' && answer.length > 0);
        return { key: question.key, type: 'text', answered: texts.length, texts: texts.slice(-MAX_TEXTS).reverse() };
      }
    }
  });
  return { responses: responses.length, byCommunity: communities.map((communityId) => ({ communityId, responses: ofCommunity(communityId).length })), questions: results };
}
