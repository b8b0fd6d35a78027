import { crc32, inflateRawSync } from 'node:zlib';
import { DELIVERABLE_FILE_EXTENSIONS } from '@gongzhi/contracts';
import { type DeliverableKind } from '@gongzhi/domain';

export type { DeliverableKind };

export type FileRefusalReason =
  | 'missing_extension'
  | 'forbidden_extension'
  | 'extension_not_allowed'
  | 'content_mismatch'
  | 'not_office_document'
  | 'macro_enabled'
  | 'archive_too_large';

export type FileVerdict =
  | { ok: true; mimeType: string; extension: string }
  | { ok: false; reason: FileRefusalReason; message: { zh: string; en: string } };

// Refused before anything else: a browser or the OS would run or render these, whatever their
// bytes claim to be. The allow-list below already excludes them; naming them gives a clearer message.
const FORBIDDEN = new Set(
  'html htm xhtml svg svgz xml js mjs cjs jsx ts exe dll bat cmd com sh ps1 vbs msi jar php py hta scr lnk app'.split(' '),
);

type Office = 'word' | 'excel' | 'powerpoint';
interface FileType {
  mimeType: string;
  signatures: Buffer[];
  office?: Office;
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const EMPTY_ZIP = Buffer.from('PK\x05\x06', 'latin1');
const OLE2 = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const OOXML = 'application/vnd.openxmlformats-officedocument.';

const TYPES: Record<string, FileType> = {
  docx: { mimeType: `${OOXML}wordprocessingml.document`, signatures: [ZIP], office: 'word' },
  xlsx: { mimeType: `${OOXML}spreadsheetml.sheet`, signatures: [ZIP], office: 'excel' },
  pptx: { mimeType: `${OOXML}presentationml.presentation`, signatures: [ZIP], office: 'powerpoint' },
  doc: { mimeType: 'application/msword', signatures: [OLE2] },
  xls: { mimeType: 'application/vnd.ms-excel', signatures: [OLE2] },
  ppt: { mimeType: 'application/vnd.ms-powerpoint', signatures: [OLE2] },
  pdf: { mimeType: 'application/pdf', signatures: [Buffer.from('%PDF-', 'latin1')] },
  png: { mimeType: 'image/png', signatures: [Buffer.from('89504e470d0a1a0a', 'hex')] },
  jpg: { mimeType: 'image/jpeg', signatures: [Buffer.from('ffd8ff', 'hex')] },
  jpeg: { mimeType: 'image/jpeg', signatures: [Buffer.from('ffd8ff', 'hex')] },
  zip: { mimeType: 'application/zip', signatures: [ZIP, EMPTY_ZIP] },
};

const withoutDot = (extension: string) => extension.slice(1);

/** What each kind of deliverable accepts: the contract's list (photos and zipped evidence count under `any`). */
export const ALLOWED_EXTENSIONS: Record<DeliverableKind, readonly string[]> = {
  docx: DELIVERABLE_FILE_EXTENSIONS.docx.map(withoutDot),
  xlsx: DELIVERABLE_FILE_EXTENSIONS.xlsx.map(withoutDot),
  pptx: DELIVERABLE_FILE_EXTENSIONS.pptx.map(withoutDot),
  pdf: DELIVERABLE_FILE_EXTENSIONS.pdf.map(withoutDot),
  any: DELIVERABLE_FILE_EXTENSIONS.any.map(withoutDot),
};

// The main part each extension must declare. Macro-free templates open as the same application and
// carry no code, so they pass; anything macro-enabled (application/vnd.ms-*.macroEnabled…) does not.
const MAIN_PARTS: Record<Office, string[]> = {
  word: [`${OOXML}wordprocessingml.document.main+xml`, `${OOXML}wordprocessingml.template.main+xml`],
  excel: [`${OOXML}spreadsheetml.sheet.main+xml`, `${OOXML}spreadsheetml.template.main+xml`],
  powerpoint: [`${OOXML}presentationml.presentation.main+xml`, `${OOXML}presentationml.template.main+xml`],
};

// Bounds on the work an upload can make us do: a real document has a few hundred entries and a
// [Content_Types].xml of a few kilobytes.
const MAX_ENTRIES = 10_000;
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

const KIND_LABELS: Record<DeliverableKind, { zh: string; en: string }> = {
  docx: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
  xlsx: { zh: 'Excel 表格（.xlsx）', en: 'an Excel workbook (.xlsx)' },
  pptx: { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)' },
  pdf: { zh: 'PDF 文件（.pdf）', en: 'a PDF file (.pdf)' },
  any: { zh: 'Office 文档、PDF、图片（.png/.jpg）或 zip 压缩包', en: 'an Office document, a PDF, an image (.png/.jpg) or a zip archive' },
};
const OFFICE_LABELS: Record<Office, { zh: string; en: string }> = {
  word: { zh: 'Word 文档', en: 'Word document' },
  excel: { zh: 'Excel 表格', en: 'Excel workbook' },
  powerpoint: { zh: 'PowerPoint 演示文稿', en: 'PowerPoint presentation' },
};

function refuse(reason: FileRefusalReason, zh: string, en: string): FileVerdict {
  return { ok: false, reason, message: { zh, en } };
}

/**
 * The extension the file will be saved and opened with, lower-cased. Windows drops trailing dots
 * and spaces when saving, so `x.html.` must count as `.html`; a client may send a full path.
 */
export function fileExtension(fileName: string): string | undefined {
  const name = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/[.\s]+$/u, '');
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : name.slice(dot + 1).toLowerCase();
}

/**
 * Whether an upload may be stored as a deliverable of `kind`, and the MIME type to store and serve
 * it as. Decided from the name's last extension and the bytes alone: the client's Content-Type is
 * whatever the browser or an attacker says, so it is never consulted.
 */
export function checkUpload(input: { fileName: string; bytes: Buffer; kind: DeliverableKind }): FileVerdict {
  const { bytes, kind } = input;
  const wanted = KIND_LABELS[kind];
  const extension = fileExtension(input.fileName);
  if (!extension) {
    return refuse('missing_extension', `文件名缺少扩展名，无法判断文件类型：此处须上传 ${wanted.zh}`, `The file name has no extension: please upload ${wanted.en}.`);
  }
  if (FORBIDDEN.has(extension)) {
    return refuse('forbidden_extension', `出于安全考虑，不接受 .${extension} 文件：此处须上传 ${wanted.zh}`, `.${extension} files are not accepted for security reasons: please upload ${wanted.en}.`);
  }
  const type = TYPES[extension];
  if (!type || !ALLOWED_EXTENSIONS[kind].includes(extension)) {
    return refuse('extension_not_allowed', `文件类型与成果要求不符：此处须上传 ${wanted.zh}`, `This file type does not fit the deliverable: please upload ${wanted.en}.`);
  }
  if (!type.signatures.some((signature) => bytes.subarray(0, signature.length).equals(signature))) {
    return contentMismatch(extension);
  }
  if (type.office) {
    const refusal = checkOfficeArchive(bytes, type.office, extension);
    if (refusal) return refusal;
  }
  return { ok: true, mimeType: type.mimeType, extension };
}

function contentMismatch(extension: string): FileVerdict {
  return refuse(
    'content_mismatch',
    `文件内容与扩展名 .${extension} 不符，可能已损坏或被改过扩展名：请用原软件重新保存后上传`,
    `The file's content does not match its .${extension} extension; it may be damaged or renamed. Please save it again from the original program.`,
  );
}

function checkOfficeArchive(bytes: Buffer, office: Office, extension: string): FileVerdict | undefined {
  const label = OFFICE_LABELS[office];
  const notOffice = refuse(
    'not_office_document',
    `文件不是有效的 ${label.zh}：请用 Office 或 WPS 另存为 .${extension} 后上传`,
    `The file is not a valid ${label.en}: please save it as .${extension} from Office or WPS and upload it again.`,
  );
  const read = readContentTypes(bytes);
  if (read === 'corrupt') return contentMismatch(extension);
  if (read === 'too_large') {
    return refuse('archive_too_large', '文件结构异常庞大，无法安全检查：请用原软件重新保存后上传', 'The file is too large or complex to check safely: please save it again from the original program.');
  }
  if (read.hasVbaProject) return macroEnabled(extension);
  if (read.contentTypes === undefined) return notOffice;

  // Every ContentType attribute, Default or Override: the main part is usually an Override but the
  // format allows either. Only the declared types matter; we never open the parts themselves. The
  // bounded value keeps a megabyte of unclosed quotes linear.
  const declared = [...read.contentTypes.matchAll(/\bContentType\s*=\s*(?:"([^"]{0,255})"|'([^']{0,255})')/g)].map((match) =>
    (match[1] ?? match[2] ?? '').trim().toLowerCase(),
  );
  if (declared.some((type) => type.includes('macroenabled') || type === 'application/vnd.ms-office.vbaproject')) return macroEnabled(extension);
  if (declared.some((type) => MAIN_PARTS[office].includes(type))) return undefined;
  // A workbook renamed .docx: a real Office file, just not the one its name promises.
  const other = (Object.keys(MAIN_PARTS) as Office[]).find((candidate) => declared.some((type) => MAIN_PARTS[candidate].includes(type)));
  return other ? contentMismatch(extension) : notOffice;
}

function macroEnabled(extension: string): FileVerdict {
  return refuse(
    'macro_enabled',
    `不接受含宏的文件：请另存为不含宏的 .${extension} 文件后上传`,
    `Files with macros are not accepted: please save as a macro-free .${extension} file and upload it again.`,
  );
}

type ContentTypesRead = { contentTypes: string | undefined; hasVbaProject: boolean } | 'corrupt' | 'too_large';

/**
 * [Content_Types].xml of a zip, found through the central directory (what Office itself reads),
 * not by scanning local headers, which an attacker can make disagree with it.
 */
function readContentTypes(zip: Buffer): ContentTypesRead {
  // The End Of Central Directory record is the last 22 bytes plus a comment of up to 64 KiB. Take
  // the candidate whose comment length reaches exactly the end, so a signature inside the comment
  // cannot pass for the record.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === 0x06054b50 && at + 22 + zip.readUInt16LE(at + 20) === zip.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return 'corrupt';
  const diskEntries = zip.readUInt16LE(eocd + 8);
  const entries = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const start = zip.readUInt32LE(eocd + 16);
  // Split archives and zip64 (sentinel values, or its locator just before) are never Office files.
  const zip64 = entries === 0xffff || size === 0xffffffff || start === 0xffffffff || (eocd >= 20 && zip.readUInt32LE(eocd - 20) === 0x07064b50);
  if (zip64 || zip.readUInt32LE(eocd + 4) !== 0 || diskEntries !== entries || start + size > eocd) return 'corrupt';
  if (entries > MAX_ENTRIES) return 'too_large';

  let contentTypes: Buffer | undefined;
  let hasVbaProject = false;
  let offset = start;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > start + size || zip.readUInt32LE(offset) !== 0x02014b50) return 'corrupt';
    const nameEnd = offset + 46 + zip.readUInt16LE(offset + 28);
    if (nameEnd > start + size) return 'corrupt';
    // OPC part names are ASCII and compared case-insensitively.
    const name = zip.toString('latin1', offset + 46, nameEnd).toLowerCase();
    if (name.endsWith('vbaproject.bin')) hasVbaProject = true;
    if (name === '[content_types].xml') {
      // Two of them is the classic trick to show one parser a different file than another.
      if (contentTypes) return 'corrupt';
      const entry = readEntry(zip, offset, start);
      if (typeof entry === 'string') return entry;
      contentTypes = entry;
    }
    offset = nameEnd + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  if (!contentTypes) return { contentTypes: undefined, hasVbaProject };
  // OPC allows UTF-16 with a byte-order mark; everything else is UTF-8.
  const text = contentTypes[0] === 0xff && contentTypes[1] === 0xfe ? contentTypes.toString('utf16le') : contentTypes.toString('utf8');
  return { contentTypes: text, hasVbaProject };
}

function readEntry(zip: Buffer, header: number, directoryStart: number): Buffer | 'corrupt' | 'too_large' {
  const flags = zip.readUInt16LE(header + 8);
  const method = zip.readUInt16LE(header + 10);
  const expectedCrc = zip.readUInt32LE(header + 16);
  const compressedSize = zip.readUInt32LE(header + 20);
  const uncompressedSize = zip.readUInt32LE(header + 24);
  const local = zip.readUInt32LE(header + 42);
  if (flags & 0x1) return 'corrupt'; // encrypted
  if (uncompressedSize > MAX_CONTENT_TYPES_BYTES) return 'too_large';
  if (local + 30 > directoryStart || zip.readUInt32LE(local) !== 0x04034b50) return 'corrupt';
  // Sizes come from the central directory: with a data descriptor the local header has zeros.
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (dataStart + compressedSize > directoryStart) return 'corrupt';
  const data = zip.subarray(dataStart, dataStart + compressedSize);
  let content: Buffer;
  if (method === 0) content = data;
  else if (method === 8) {
    try {
      // The declared size may lie; maxOutputLength is what actually stops a bomb.
      content = inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES });
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'corrupt';
    }
  } else return 'corrupt';
  return content.length === uncompressedSize && crc32(content) === expectedCrc ? content : 'corrupt';
}
