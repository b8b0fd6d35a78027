import { type FastifyRequest } from 'fastify';
import { fieldErrorsFromIssues, negotiateLocale } from '@gongzhi/contracts';
import { type z } from 'zod';
import { ApiError } from './api-error';
import { safeFileName } from './files';

export interface MultipartUpload {
  buffer: Buffer;
  fileName: string;
}

/**
 * Reads a multipart/form-data request: one `file` part and a few fields, checked against the
 * operation's body schema (a file over its limit: 413). The parser's own complaints (no boundary, a
 * body that ends mid-part) are the caller's 400; too many parts is a malformed upload, not a large one.
 */
export async function readMultipartUpload<Schema extends z.ZodType>(request: FastifyRequest, schema: Schema): Promise<{ upload: MultipartUpload; body: z.output<Schema> }> {
  let upload: MultipartUpload | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname !== 'file' || upload) throw new ApiError('validation_failed');
        upload = { buffer, fileName: safeFileName(part.filename) };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT') {
      throw new ApiError('validation_failed', { message: { zh: '上传内容只能包含一个文件（file）和表单所列字段', en: 'An upload holds one file part (`file`) and the listed fields, nothing else' } });
    }
    if (error instanceof ApiError || (typeof error === 'object' && error !== null && ('code' in error || 'statusCode' in error))) throw error;
    throw new ApiError('validation_failed', { message: { zh: '上传内容不是有效的 multipart/form-data', en: 'The upload is not well-formed multipart/form-data' } });
  }
  const parsed = schema.safeParse({ ...fields, ...(upload ? { file: new File([upload.buffer], upload.fileName) } : {}) });
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === 'file' && issue.code === 'too_big')) throw new ApiError('payload_too_large');
    throw new ApiError('validation_failed', { fieldErrors: fieldErrorsFromIssues(parsed.error.issues, negotiateLocale(request.headers['accept-language'])) });
  }
  if (!upload) throw new ApiError('validation_failed');
  return { upload, body: parsed.data };
}
