import { describe, expect, it } from 'vitest';
import { checkCompletion } from '@gongzhi/domain';
import { loginBodySchema } from './auth';
import { ERROR_CODES, createErrorResponse, errorMessages, errorResponseSchema, errorStatus, fieldErrorsFromIssues, localizeFieldErrors, negotiateLocale } from './errors';
import { plan } from './test-fixtures';

describe('errors', () => {
  it('has a status and a message in both languages for every code', () => {
    for (const code of ERROR_CODES) {
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
      expect(errorMessages[code].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(errorMessages[code].en.length).toBeGreaterThan(0);
    }
  });

  it('answers in Chinese unless the caller prefers English', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR, en;q=0.5')).toBe('en');
    expect(negotiateLocale('zh;q=0.3, en-GB;q=0.7')).toBe('en');
    expect(negotiateLocale('en;q=0, de')).toBe('zh-CN');
  });

  it('builds bodies that match the one error shape', () => {
    const body = createErrorResponse('task_already_completed', { locale: 'en', requestId: 'req-1' });
    expect(errorResponseSchema.parse(body)).toEqual({ error: { code: 'task_already_completed', message: errorMessages.task_already_completed.en, requestId: 'req-1' } });
    expect(errorResponseSchema.safeParse({ error: { ...body.error, stack: 'x' } }).success).toBe(false);
  });

  it('maps request validation issues to field errors, one per unknown key', () => {
    const result = loginBodySchema.safeParse({ password: '', extra: 1, other: 2 });
    const errors = fieldErrorsFromIssues(result.error!.issues, 'zh-CN');
    expect(errors.map((error) => [error.field, error.code])).toEqual(
      expect.arrayContaining([
        ['username', 'required'],
        ['password', 'too_small'],
        ['extra', 'unknown_field'],
        ['other', 'unknown_field'],
      ]),
    );
    expect(errorResponseSchema.safeParse(createErrorResponse('validation_failed', { locale: 'zh-CN', requestId: 'r', fieldErrors: errors })).success).toBe(true);
  });

  it('passes the domain’s completion errors through in the caller’s language', () => {
    const task = plan.tasks.find((candidate) => candidate.form.some((field) => field.required))!;
    const check = checkCompletion(task, { bogus: 1 });
    if (check.ok) throw new Error('expected errors');
    const english = localizeFieldErrors(check.errors, 'en');
    expect(english.find((error) => error.field === 'bogus')?.code).toBe('unknown_field');
    expect(english.every((error) => !/[\u4e00-\u9fff]/.test(error.message))).toBe(true);
    expect(errorResponseSchema.safeParse(createErrorResponse('form_invalid', { locale: 'en', requestId: 'r', fieldErrors: english })).success).toBe(true);
  });
});
