import { z } from 'zod';
import { type FieldError as DomainFieldError, type LocalizedText } from '@gongzhi/domain';
import { type Locale, line } from './common';
import { fieldErrorCodeSchema } from './domain-schemas';

/**
 * Stable error codes: clients branch on these, never on messages or on the HTTP status alone.
 * The workflow package's business refusals (not_assignee, stale_revision, …) are included under
 * the same spelling so the API passes them through unchanged.
 */
export const ERROR_CODES = [
  'validation_failed',
  'form_invalid',
  'invalid_credentials',
  'unauthenticated',
  'account_disabled',
  'forbidden',
  'csrf_failed',
  'not_assignee',
  'not_reviewer',
  'not_found',
  'method_not_allowed',
  'conflict',
  'task_already_completed',
  'task_not_open',
  'task_not_in_review',
  'stale_revision',
  'engagement_not_running',
  'invalid_assignee',
  'file_required',
  'payload_too_large',
  'unsupported_media_type',
  'no_generator',
  'not_convertible',
  'questionnaire_closed',
  'link_used',
  'rate_limited',
  'internal',
  'not_ready',
  'temporarily_unavailable',
  'engagement_needs_attention',
  'case_closed',
  'case_wrong_step',
  'case_not_allowed',
  'hotline_file_unreadable',
  'hotline_rows_invalid',
  'consultation_closed',
  'consultation_pending',
  'adoption_closed',
  'adoption_out_of_order',
  'notice_over',
  'adoption_in_progress',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES).meta({ id: 'ErrorCode', description: 'Stable machine-readable error code' });
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The HTTP status that goes with each code; one code always answers with the same status. */
export const errorStatus = {
  validation_failed: 400,
  form_invalid: 422,
  invalid_credentials: 401,
  unauthenticated: 401,
  account_disabled: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_assignee: 403,
  not_reviewer: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  task_already_completed: 409,
  task_not_open: 409,
  task_not_in_review: 409,
  stale_revision: 409,
  engagement_not_running: 409,
  invalid_assignee: 422,
  file_required: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  no_generator: 422,
  not_convertible: 422,
  questionnaire_closed: 409,
  link_used: 409,
  rate_limited: 429,
  internal: 500,
  not_ready: 503,
  temporarily_unavailable: 503,
  engagement_needs_attention: 503,
  case_closed: 409,
  case_wrong_step: 409,
  case_not_allowed: 403,
  hotline_file_unreadable: 422,
  hotline_rows_invalid: 422,
  consultation_closed: 409,
  consultation_pending: 409,
  adoption_closed: 409,
  adoption_out_of_order: 409,
  notice_over: 409,
  adoption_in_progress: 409,
} as const satisfies Record<ErrorCode, number>;
export type ErrorStatus = (typeof errorStatus)[ErrorCode];

/** What the user reads, in both UI languages; the API picks one by Accept-Language. */
export const errorMessages: Record<ErrorCode, LocalizedText> = {
  validation_failed: { zh: '请求内容不符合要求，请检查后重试', en: 'The request is not valid; check it and try again' },
  form_invalid: { zh: '表单填写有误，请按提示修改', en: 'The form has errors; correct the fields shown' },
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  account_disabled: { zh: '该账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  forbidden: { zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  csrf_failed: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  not_assignee: { zh: '只有任务负责人或项目经理可以完成此任务', en: 'Only the assignee or the project manager can complete this task' },
  not_reviewer: { zh: '只有本项目的合伙人可以审阅成果', en: 'Only the engagement’s partner can review deliverables' },
  not_found: { zh: '未找到相应内容', en: 'Not found' },
  method_not_allowed: { zh: '该地址不支持此请求方法', en: 'This method is not allowed here' },
  conflict: { zh: '操作与当前数据冲突，请刷新后重试', en: 'This conflicts with the current data; reload and try again' },
  task_already_completed: { zh: '该任务已完成', en: 'This task has already been completed' },
  task_not_open: { zh: '该任务当前不可办理（前置任务尚未完成或已关闭）', en: 'This task cannot be worked on now (waiting for earlier tasks, or closed)' },
  task_not_in_review: { zh: '该成果当前不在审阅中', en: 'This deliverable is not awaiting review' },
  stale_revision: { zh: '已有更新的版本，请审阅最新版本', en: 'A newer revision exists; review the latest one' },
  engagement_not_running: { zh: '项目已暂停或已结束，不能办理', en: 'The engagement is paused or closed' },
  invalid_assignee: { zh: '所选人员不在项目团队中或角色不符', en: 'The chosen person is not on the team or has the wrong role' },
  file_required: { zh: '请先上传成果文件', en: 'Upload the deliverable file first' },
  payload_too_large: { zh: '内容或文件过大', en: 'The request or file is too large' },
  unsupported_media_type: { zh: '不支持的文件或内容类型', en: 'Unsupported file or content type' },
  no_generator: { zh: '该成果暂不支持自动生成文稿，请上传文件', en: 'This deliverable cannot be generated yet; upload a file instead' },
  not_convertible: { zh: '只有 Word 和 Excel 文件可以转换为 PDF', en: 'Only Word and Excel files can be converted to PDF' },
  questionnaire_closed: { zh: '该问卷已结束收集', en: 'This questionnaire no longer takes responses' },
  link_used: { zh: '该链接已经提交过，每个链接只能提交一次。感谢您的参与！', en: 'This link has already been used: each link takes one submission. Thank you for taking part!' },
  rate_limited: { zh: '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  internal: { zh: '系统出现错误，请稍后重试；如持续出现请联系管理员', en: 'Something went wrong; try again later or contact your administrator' },
  not_ready: { zh: '服务暂不可用（数据库或流程引擎无法连接）', en: 'Service unavailable (database or workflow engine unreachable)' },
  temporarily_unavailable: {
    zh: '流程引擎暂时没有响应，本次操作尚未完成（也可能稍后自动完成）。请稍候重试，重试不会重复办理。',
    en: 'The workflow engine did not answer in time; the action is not done yet (it may still complete). Try again shortly: retrying never does it twice.',
  },
  engagement_needs_attention: {
    zh: '系统暂时无法保存本项目的数据，已通知管理员。您的操作已受理，故障排除、管理员重试后将自动完成，无需重复提交。',
    en: 'The system cannot save this engagement’s data for now; administrators have been told. Your action is taken and completes once they fix the cause and retry: no need to send it again.',
  },
  case_closed: { zh: '案件已办结或撤销，不能再办理', en: 'The case is closed' },
  case_wrong_step: { zh: '案件当前环节不能办理该事项，请刷新后查看当前环节', en: 'The case is not at a step where this applies; reload to see where it is' },
  case_not_allowed: { zh: '您不能办理该事项（如：核查须由报告人以外的人员进行）', en: 'You cannot do this (for example, someone other than the reporter must verify)' },
  hotline_file_unreadable: { zh: '无法读取该文件：请上传 .xlsx 或 .csv 格式的工单明细（第一行为表头）', en: 'The file cannot be read: upload the ticket extract as .xlsx or .csv with a header row' },
  hotline_rows_invalid: { zh: '工单明细有误，本次未导入任何工单：请按所列行号修改后重新导入', en: 'Some rows are wrong, so nothing was imported: fix the rows listed and import again' },
  consultation_closed: { zh: '该会诊已形成结论或已撤回，不能再办理', en: 'The consultation is concluded or withdrawn' },
  consultation_pending: { zh: '该任务正等待会诊结论：会诊形成结论或撤回后才能完成', en: 'This task waits for a consultation: it can be completed once the consultation is concluded or withdrawn' },
  adoption_closed: { zh: '该民主程序已通过或已撤回，不能再办理', en: 'The adoption procedure is adopted or withdrawn' },
  notice_over: { zh: '公示期已结束，不再收集意见。感谢您的关注！', en: 'The public notice is over and no longer takes comments. Thank you for your interest!' },
  adoption_out_of_order: { zh: '民主程序当前环节不能办理该事项（公示→表决→备案），请刷新后查看当前环节', en: 'The procedure is not at a step where this applies (notice → vote → filing); reload to see where it is' },
  adoption_in_progress: { zh: '该任务由社区的民主程序办理：公示届满、表决通过、登记备案时自动完成，请在「民主程序」中登记', en: 'This task is done through the community’s adoption procedure: record the notice, vote and filing there' },
};

export const fieldErrorSchema = z
  .object({
    /** Dotted path of the offending field (`team.lawyers.0`), a form field key, or `_form`. */
    field: line(200),
    code: fieldErrorCodeSchema,
    message: line(1000),
  })
  .strict()
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorResponseSchema = z
  .object({
    error: z
      .object({
        code: errorCodeSchema,
        message: line(2000).meta({ description: 'In the caller’s language: zh-CN by default, English by Accept-Language' }),
        fieldErrors: z.array(fieldErrorSchema).max(200).optional(),
        requestId: line(100),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'ErrorResponse', description: 'The one shape of every 4xx and 5xx answer' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type ErrorBody = ErrorResponse['error'];

/** `Accept-Language` → locale: the first zh* or en* range by quality wins; Chinese otherwise. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

export const pickText = (text: LocalizedText, locale: Locale): string => (locale === 'en' ? text.en : text.zh);

/** Builds the error body the API sends; the message defaults to the catalogue entry. */
export function createErrorResponse(
  code: ErrorCode,
  options: { locale: Locale; requestId: string; message?: string; fieldErrors?: FieldError[] },
): ErrorResponse {
  return {
    error: {
      code,
      message: options.message ?? pickText(errorMessages[code], options.locale),
      ...(options.fieldErrors && options.fieldErrors.length > 0 ? { fieldErrors: options.fieldErrors } : {}),
      requestId: options.requestId,
    },
  };
}

/** The domain's completion errors (bilingual) as wire field errors in one language. */
export function localizeFieldErrors(errors: readonly DomainFieldError[], locale: Locale): FieldError[] {
  return errors.map((error) => ({ field: error.field, code: error.code, message: pickText(error.message, locale) }));
}

/** The `params.reason` of a custom issue raised for text PostgreSQL cannot store (NUL, invalid Unicode). */
export const UNSTORABLE_TEXT = 'unstorable_text';

const issueCode = (issue: z.core.$ZodIssue): FieldError['code'] => {
  switch (issue.code) {
    case 'custom':
      return (issue.params as { reason?: unknown } | undefined)?.reason === UNSTORABLE_TEXT ? 'invalid_characters' : 'invalid_value';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_large';
    case 'too_small':
      return 'too_small';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_option';
    default:
      return 'invalid_value';
  }
};

const issueText = (code: FieldError['code']): LocalizedText =>
  ({
    required: { zh: '必填', en: 'required' },
    unknown_field: { zh: '不允许的字段', en: 'unknown field' },
    invalid_type: { zh: '类型错误', en: 'wrong type' },
    too_long: { zh: '过长', en: 'too long' },
    too_small: { zh: '过小或过短', en: 'too small or too short' },
    too_large: { zh: '过大', en: 'too large' },
    not_integer: { zh: '应为整数', en: 'must be a whole number' },
    invalid_date: { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date, YYYY-MM-DD' },
    invalid_option: { zh: '选项无效', en: 'not one of the allowed values' },
    must_be_true: { zh: '须确认', en: 'must be confirmed' },
    rule: { zh: '不符合规则', en: 'breaks a rule' },
    invalid_format: { zh: '格式错误', en: 'wrong format' },
    invalid_value: { zh: '取值无效', en: 'invalid value' },
    invalid_characters: { zh: '含有无法保存的字符（如空字符或不完整的 Unicode 字符）', en: 'contains characters that cannot be stored (NUL or invalid Unicode)' },
  })[code];

/**
 * A field path as a `FieldError.field` can carry it: the keys are the caller's own (an unknown
 * key can be anything), so control characters go and the length is capped.
 */
function fieldName(path: string): string {
  const cleaned = path.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD').slice(0, 200);
  return cleaned.length > 0 ? cleaned : '_form';
}

/**
 * Zod issues (request validation) as field errors, one per offending field and key: the API's
 * 400 answer and the dashboard's form hints use the same mapping.
 */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    // A value that fits none of several shapes: name the fields of the shape it comes closest to.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) return fieldErrorsFromIssues(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })), locale);
    }
    const base = issue.path.map(String).join('.');
    const code = issueCode(issue);
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => (base ? `${base}.${key}` : key)) : [base || '_form'];
    return fields.map((field) => ({ field: fieldName(field), code, message: pickText(issueText(code), locale) }));
  });
}
