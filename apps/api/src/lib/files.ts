import { basename } from 'node:path';

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

const startsWith = (buffer: Buffer, signature: number[]) => signature.every((byte, index) => buffer[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** File signatures of the accepted types: Office Open XML files are zip archives, old Office files OLE2. */
const SIGNATURES: Record<string, number[][]> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [ZIP],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [ZIP],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': [ZIP],
  'application/zip': [ZIP, [0x50, 0x4b, 0x05, 0x06]],
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'application/msword': [OLE2],
  'application/vnd.ms-excel': [OLE2],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
};

/**
 * The bytes look like the declared type: a renamed executable is not a .docx. A cheap check of
 * the first bytes, not a parser; the declared type is what downloads are served as.
 */
export function matchesDeclaredType(buffer: Buffer, mimeType: string): boolean {
  const signatures = SIGNATURES[mimeType];
  return signatures !== undefined && signatures.some((signature) => startsWith(buffer, signature));
}
