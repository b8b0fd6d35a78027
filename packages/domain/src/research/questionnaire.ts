import { z } from 'zod';
import { type FieldError } from '../completion';
import { isUnstorableText } from '../text';

/**
 * Who a field-research questionnaire asks (书面调查问卷的调查对象): the four audiences the firm's
 * service description names for stage 3 (实地调研).
 */
export const RESPONDENT_AUDIENCES = ['government', 'committee', 'residents', 'property'] as const;
export type RespondentAudience = (typeof RESPONDENT_AUDIENCES)[number];
export const respondentAudienceLabels: Record<RespondentAudience, string> = {
  government: '街道（乡镇）领导及工作人员',
  committee: '社区居（村）民委员会',
  residents: '居民代表、业主委员会',
  property: '物业服务企业',
};

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const questionTypeLabels: Record<QuestionType, string> = { single: '单选', multiple: '多选', scale: '评分', text: '文字' };

export const QUESTIONNAIRE_STATUSES = ['open', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

/** Where a response came from: typed in by a lawyer from a paper form or an interview, or a respondent's own link. */
export const RESPONSE_SOURCES = ['lawyer', 'link'] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];

export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 12;
export const MAX_TEXT_ANSWER = 2000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !isUnstorableText(value), '含有无法保存的字符');

/** A question's stable key: answers and results are keyed by it across versions of a questionnaire. */
export const questionKeySchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, '题目编号只能含小写字母、数字和连字符');

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ key: questionKeySchema, type: z.literal('single'), text: text(300), required: z.boolean(), options: z.array(text(100)).min(2).max(MAX_OPTIONS) }).strict(),
  z
    .object({
      key: questionKeySchema,
      type: z.literal('multiple'),
      text: text(300),
      required: z.boolean(),
      options: z.array(text(100)).min(2).max(MAX_OPTIONS),
      /** At most this many choices; absent: any number. */
      maxChoices: z.number().int().min(1).max(MAX_OPTIONS).optional(),
    })
    .strict(),
  z
    .object({
      key: questionKeySchema,
      type: z.literal('scale'),
      text: text(300),
      required: z.boolean(),
      /** 1 to `points` (5: 非常不满意 … 非常满意). */
      points: z.number().int().min(3).max(10),
      lowLabel: text(20),
      highLabel: text(20),
    })
    .strict(),
  z.object({ key: questionKeySchema, type: z.literal('text'), text: text(300), required: z.boolean() }).strict(),
]);
export type Question = z.infer<typeof questionSchema>;

/** A questionnaire's questions: keys unique, options unique within a question. */
export const questionListSchema = z
  .array(questionSchema)
  .min(1)
  .max(MAX_QUESTIONS)
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `题目编号 ${question.key} 重复` });
      seen.add(question.key);
      if ('options' in question && new Set(question.options).size !== question.options.length) {
        context.addIssue({ code: 'custom', path: [index, 'options'], message: '选项重复' });
      }
      if (question.type === 'multiple' && question.maxChoices !== undefined && question.maxChoices > question.options.length) {
        context.addIssue({ code: 'custom', path: [index, 'maxChoices'], message: '最多可选项数超过了选项数' });
      }
    });
  });

/** An answer: an option's text (single), option texts (multiple), 1…points (scale), or free text. */
export type Answer = string | string[] | number;
export type Answers = Record<string, Answer>;

export type AnswerCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/**
 * Checks a response against the questions it answers: every required question answered, every
 * answer of its question's type, options among the question's, nothing unknown. The answers kept
 * are trimmed and without empty ones.
 */
export function checkAnswers(questions: readonly Question[], input: Readonly<Record<string, unknown>>): AnswerCheck {
  const errors: FieldError[] = [];
  const answers: Answers = {};
  const byKey = new Map(questions.map((question) => [question.key, question]));
  for (const key of Object.keys(input)) {
    if (!byKey.has(key)) errors.push({ field: key, code: 'unknown_field', message: { zh: `问卷中没有题目 ${key.slice(0, 64)}`, en: `No question ${key.slice(0, 64)}` } });
  }
  questions.forEach((question, index) => {
    const label = `第${index + 1}题`;
    const fail = (code: FieldError['code'], zh: string, en: string) => errors.push({ field: question.key, code, message: { zh: `${label}：${zh}`, en: `Question ${index + 1}: ${en}` } });
    const raw = input[question.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (question.required) fail('required', '此题必答', 'an answer is required');
      return;
    }
    switch (question.type) {
      case 'single':
        if (typeof raw !== 'string' || !question.options.includes(raw)) return fail('invalid_option', '请从选项中选择一项', 'choose one of the options');
        answers[question.key] = raw;
        return;
      case 'multiple': {
        if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string' || !question.options.includes(item))) return fail('invalid_option', '请从选项中选择', 'choose among the options');
        const chosen = question.options.filter((option) => raw.includes(option));
        if (chosen.length !== raw.length) return fail('invalid_option', '同一选项只能选一次', 'each option at most once');
        if (question.maxChoices !== undefined && chosen.length > question.maxChoices) return fail('too_large', `最多选择${question.maxChoices}项`, `choose at most ${question.maxChoices}`);
        answers[question.key] = chosen;
        return;
      }
      case 'scale':
        if (typeof raw !== 'number' || !Number.isInteger(raw)) return fail('not_integer', `请选择 1 至 ${question.points} 分`, `choose 1 to ${question.points}`);
        if (raw < 1 || raw > question.points) return fail('too_large', `请选择 1 至 ${question.points} 分`, `choose 1 to ${question.points}`);
        answers[question.key] = raw;
        return;
      case 'text': {
        if (typeof raw !== 'string') return fail('invalid_type', '请填写文字', 'write text');
        if (isUnstorableText(raw)) return fail('invalid_characters', '含有无法保存的字符', 'contains characters that cannot be stored');
        const trimmed = raw.trim();
        if (trimmed.length > MAX_TEXT_ANSWER) return fail('too_long', `不超过${MAX_TEXT_ANSWER}字`, `at most ${MAX_TEXT_ANSWER} characters`);
        answers[question.key] = trimmed;
        return;
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** The English of this module's own Chinese messages (zod's own are English already). */
function inEnglish(message: string): string {
  const duplicateKey = /^题目编号 (.+) 重复$/.exec(message);
  if (duplicateKey) return `the key ${duplicateKey[1]} is used twice`;
  const known: Record<string, string> = {
    选项重复: 'an option is given twice',
    最多可选项数超过了选项数: 'the choice limit is larger than the number of options',
    含有无法保存的字符: 'contains characters that cannot be stored',
    '题目编号只能含小写字母、数字和连字符': 'a key may hold lower-case letters, digits and hyphens only',
  };
  return known[message] ?? message;
}

/** Questions that do not fit (duplicate keys or options, `maxChoices` past the options, …), each named as `questions.<n>.<field>`. */
export function questionProblems(questions: unknown): FieldError[] {
  const parsed = questionListSchema.safeParse(questions);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 50).map((issue) => {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] + 1 : null;
    return {
      field: ['questions', ...issue.path.map(String)].join('.').slice(0, 200),
      code: 'rule' as const,
      message: { zh: `${index ? `第${index}题` : '题目'}：${issue.message}`, en: `${index ? `Question ${index}` : 'Questions'}: ${inEnglish(issue.message)}` },
    };
  });
}
