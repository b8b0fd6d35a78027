import { basename } from 'node:path';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type DbClient } from '@gongzhi/db';
import { type FileStore } from '@gongzhi/storage';
import { ApiError } from './api-error';
import { recordAudit } from './audit';

/** A client's file name as we store and show it: no path, no control characters, at most 255 characters. */
export function safeFileName(name: string | undefined): string {
  const base = basename((name ?? '').replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return (base || 'file').slice(0, 255);
}

/** Content-Disposition with an ASCII fallback and the real (often Chinese) name per RFC 5987/6266. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export interface StoredFile {
  storageKey: string;
  sha256: string;
  fileName: string;
  mimeType: string;
}

/**
 * Streams a stored file once its bytes are checked against their SHA-256, and records the download
 * (`file.downloaded`, on the entity given). A file that no longer matches is never served: 500, and
 * the log says which.
 */
export async function sendStoredFile(
  { db, files, request, reply }: { db: DbClient; files: FileStore; request: FastifyRequest; reply: FastifyReply },
  file: StoredFile,
  download: { actorId: string; engagementId: string; entityType: string; entityId: string; what: Record<string, unknown> },
): Promise<FastifyReply> {
  const integrity = file.storageKey === `sha256/${file.sha256}` ? await files.verify(file.storageKey) : 'mismatch';
  if (integrity !== 'ok') {
    request.log.error({ entityType: download.entityType, entityId: download.entityId, ...download.what, sha256: file.sha256, integrity }, 'a stored file does not match its SHA-256; refusing to serve it');
    throw new ApiError('internal', { message: { zh: '文件校验未通过，已停止下载，请联系管理员', en: 'The stored file failed its integrity check and was not sent; contact your administrator' } });
  }
  const opened = await files.open(file.storageKey);
  if (!opened) throw new Error(`file ${file.storageKey} of ${download.entityType} ${download.entityId} (${JSON.stringify(download.what)}) is missing from the store`);
  try {
    await recordAudit(db, request.id, {
      action: 'file.downloaded',
      actorId: download.actorId,
      engagementId: download.engagementId,
      entityType: download.entityType,
      entityId: download.entityId,
      after: { ...download.what, sha256: file.sha256 },
    });
  } catch (error) {
    // Nobody will read the opened stream: release its file descriptor or S3 socket.
    opened.stream.destroy();
    throw error;
  }
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', String(opened.sizeBytes))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('etag', `"${file.sha256}"`)
    .send(opened.stream);
}
