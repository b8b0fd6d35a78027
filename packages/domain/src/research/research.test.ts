import { describe, expect, it } from 'vitest';
import { bankQuestionsFor, QUESTION_BANK } from './bank';
import { checkAnswers, questionListSchema, questionProblems, RESPONDENT_AUDIENCES, type Question } from './questionnaire';
import { summarizeResponses } from './results';

const single: Question = { key: 'years', type: 'single', text: '居住年限', required: true, options: ['不满1年', '1—3年', '3年以上'] };
const multiple: Question = { key: 'problems', type: 'multiple', text: '突出问题', required: false, options: ['私搭乱建', '飞线充电', '噪声扰民', '群租房'], maxChoices: 2 };
const scale: Question = { key: 'satisfaction', type: 'scale', text: '物业满意度', required: true, points: 5, lowLabel: '非常不满意', highLabel: '非常满意' };
const text: Question = { key: 'suggestions', type: 'text', text: '意见建议', required: false };
const questions = [single, multiple, scale, text];

describe('the question bank', () => {
  it('gives every audience a valid questionnaire to start from, with unique keys across the bank', () => {
    for (const audience of RESPONDENT_AUDIENCES) {
      const start = bankQuestionsFor(audience);
      expect(start.length, audience).toBeGreaterThanOrEqual(5);
      expect(questionListSchema.safeParse(start).success, audience).toBe(true);
    }
    const keys = QUESTION_BANK.map((entry) => entry.question.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('checkAnswers', () => {
  it('keeps answers that fit, trimmed, in option order', () => {
    const checked = checkAnswers(questions, { years: '1—3年', problems: ['噪声扰民', '私搭乱建'], satisfaction: 4, suggestions: '  公开停车收益  ' });
    expect(checked).toEqual({ ok: true, answers: { years: '1—3年', problems: ['私搭乱建', '噪声扰民'], satisfaction: 4, suggestions: '公开停车收益' } });
  });

  it('names each answer that does not fit, by question, in Chinese', () => {
    const checked = checkAnswers(questions, { problems: ['私搭乱建', '飞线充电', '群租房'], satisfaction: 6, suggestions: 3, extra: '?' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.fromEntries(checked.errors.map((error) => [error.field, error.code]))).toEqual({ extra: 'unknown_field', years: 'required', problems: 'too_large', satisfaction: 'too_large', suggestions: 'invalid_type' });
    expect(checked.errors.find((error) => error.field === 'problems')!.message.zh).toBe('第2题：最多选择2项');
  });

  it('refuses an option that is not among the question’s, and the same option twice', () => {
    const checked = checkAnswers(questions, { years: '5年', satisfaction: 3, problems: ['私搭乱建', '私搭乱建'] });
    expect(checked.ok ? [] : checked.errors.map((error) => [error.field, error.code])).toEqual([
      ['years', 'invalid_option'],
      ['problems', 'invalid_option'],
    ]);
  });
});

describe('questionProblems', () => {
  it('names duplicate keys and options, and maxChoices past the options', () => {
    const problems = questionProblems([
      { ...single, options: ['是', '是'] },
      { ...multiple, key: 'years', maxChoices: 9 },
    ]);
    expect(problems.map((problem) => problem.field).sort()).toEqual(['questions.0.options', 'questions.1.key', 'questions.1.maxChoices']);
    // Each message in both languages.
    expect(problems.find((problem) => problem.field === 'questions.0.options')!.message).toEqual({ zh: '第1题：选项重复', en: 'Question 1: an option is given twice' });
    for (const problem of problems) expect(problem.message.en).not.toMatch(/[\u4e00-\u9fa5]/);
    expect(questionProblems(questions)).toEqual([]);
  });
});

describe('summarizeResponses', () => {
  it('counts options, means and texts, overall and per community', () => {
    const results = summarizeResponses(questions, [
      { communityId: 'a', answers: { years: '1—3年', problems: ['私搭乱建'], satisfaction: 2 } },
      { communityId: 'a', answers: { years: '3年以上', problems: ['私搭乱建', '群租房'], satisfaction: 4, suggestions: '增设充电桩' } },
      { communityId: 'b', answers: { years: '3年以上', satisfaction: 5 } },
      // An answer to an option a later version removed is not counted.
      { communityId: null, answers: { years: '已删除的选项', satisfaction: 3 } },
    ]);
    expect(results.responses).toBe(4);
    expect(results.byCommunity).toEqual([
      { communityId: null, responses: 1 },
      { communityId: 'a', responses: 2 },
      { communityId: 'b', responses: 1 },
    ]);
    const [years, problems, satisfaction, suggestions] = results.questions;
    expect(years).toMatchObject({ answered: 3, counts: [{ option: '不满1年', count: 0 }, { option: '1—3年', count: 1 }, { option: '3年以上', count: 2 }] });
    expect(problems).toMatchObject({ answered: 2, counts: [{ option: '私搭乱建', count: 2 }, { option: '飞线充电', count: 0 }, { option: '噪声扰民', count: 0 }, { option: '群租房', count: 1 }] });
    expect(satisfaction).toMatchObject({ answered: 4, mean: 3.5, counts: [{ option: '1', count: 0 }, { option: '2', count: 1 }, { option: '3', count: 1 }, { option: '4', count: 1 }, { option: '5', count: 1 }] });
    expect(satisfaction!.type === 'scale' && satisfaction!.byCommunity.find((row) => row.communityId === 'a')).toMatchObject({ communityId: 'a', answered: 2, mean: 3 });
    expect(suggestions).toEqual({ key: 'suggestions', type: 'text', answered: 1, texts: ['增设充电桩'] });
  });
});
