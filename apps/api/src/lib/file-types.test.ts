import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { crc32 as zlibCrc32, deflateRawSync, deflateSync } from 'node:zlib';
import { renderDeliverableDraft, renderViolationsList } from '@gongzhi/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUpload, type DeliverableKind, fileExtension, type FileRefusalReason } from './file-types';

// ---- Fixtures, built by hand: apps/api cannot resolve a zip library, and a hand-written writer lets
// the tests bend exactly one thing (a comment, a size, a duplicate) in an otherwise valid archive.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipEntry {
  name: string;
  data: Buffer | string;
  method?: 'store' | 'deflate';
  /** Lie about the uncompressed size in the central directory, as a zip bomb would. */
  declaredSize?: number;
  corruptCrc?: boolean;
}

function zip(entries: ZipEntry[], options: { comment?: Buffer | string } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const deflate = entry.method === 'deflate';
    const stored = deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.corruptCrc ? crc32(data) ^ 1 : crc32(data);
    const size = entry.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const MAIN = {
  docx: { part: '/word/document.xml', type: `${OOXML}.wordprocessingml.document.main+xml` },
  xlsx: { part: '/xl/workbook.xml', type: `${OOXML}.spreadsheetml.sheet.main+xml` },
  pptx: { part: '/ppt/presentation.xml', type: `${OOXML}.presentationml.presentation.main+xml` },
};

function contentTypes(overrides: Record<string, string>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    ...Object.entries(overrides).map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
    '</Types>',
  ].join('');
}

/** The smallest package the checker must accept: content types, the package relationship, the main part. */
function office(kind: keyof typeof MAIN, options: { method?: 'store' | 'deflate'; mainType?: string; extra?: ZipEntry[]; comment?: string } = {}): Buffer {
  const { part, type } = MAIN[kind];
  const method = options.method ?? 'deflate';
  return zip(
    [
      { name: '[Content_Types].xml', data: contentTypes({ [part]: options.mainType ?? type }), method },
      { name: '_rels/.rels', data: `<Relationships><Relationship Id="rId1" Target="${part.slice(1)}"/></Relationships>`, method },
      { name: part.slice(1), data: '<root/>', method },
      ...(options.extra ?? []),
    ],
    { comment: options.comment },
  );
}

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xc0, 0x20, 0x20]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An 8×8 grey baseline JPEG: one quantisation table, one-code Huffman tables, a single DC-only block. */
function jpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClass: number) => [(tableClass << 4) | 0, 1, ...Array<number>(15).fill(0), 0];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...segment(0xc4, [...oneCodeTable(0), ...oneCodeTable(1)]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f, // DC category 0, then end-of-block, padded with ones
    0xff, 0xd9,
  ]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const OLE2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
const EMPTY_ZIP = zip([]);
const MIME = {
  docx: `${OOXML}.wordprocessingml.document`,
  xlsx: `${OOXML}.spreadsheetml.sheet`,
  pptx: `${OOXML}.presentationml.presentation`,
};

function refusal(fileName: string, bytes: Buffer, kind: DeliverableKind): FileRefusalReason | 'accepted' {
  const verdict = checkUpload({ fileName, bytes, kind });
  return verdict.ok ? 'accepted' : verdict.reason;
}

// Real files from the libraries the product writes with: `docx` and `exceljs`, through @gongzhi/documents.
let realDocx: Buffer;
let realXlsx: Buffer;
beforeAll(async () => {
  realDocx = await renderDeliverableDraft({
    engagementName: '和平里街道法律服务项目',
    clientName: '和平里街道办事处',
    title: '社区治理法律服务方案',
    revision: 1,
    preparedBy: '张律师',
    date: '2025-03-01',
    sections: [{ heading: '服务内容', body: '一、合同审查\n二、法治宣传' }],
  });
  realXlsx = await renderViolationsList({ clientName: '和平里街道办事处', generatedOn: '2025-03-01' });
});

describe('the hand-written fixtures are what they claim', () => {
  it('the test CRC-32 agrees with zlib', () => {
    const sample = Buffer.from('[Content_Types].xml 社区');
    expect(crc32(sample)).toBe(zlibCrc32(sample));
  });
});

describe('accepted files', () => {
  it.each<[string, () => Buffer, DeliverableKind, string]>([
    ['a .docx written by the docx library, for a docx deliverable', () => realDocx, 'docx', MIME.docx],
    ['a .docx written by the docx library, for an "any" deliverable', () => realDocx, 'any', MIME.docx],
    ['an .xlsx written by exceljs, for an xlsx deliverable', () => realXlsx, 'xlsx', MIME.xlsx],
    ['an .xlsx written by exceljs, for an "any" deliverable', () => realXlsx, 'any', MIME.xlsx],
  ])('%s', (_name, bytes, kind, mimeType) => {
    const extension = mimeType === MIME.docx ? 'docx' : 'xlsx';
    expect(checkUpload({ fileName: `方案.${extension}`, bytes: bytes(), kind })).toEqual({ ok: true, mimeType, extension });
  });

  it.each<{ fileName: string; bytes: Buffer; kind: DeliverableKind; mimeType: string; note: string }>([
    { fileName: '方案.docx', bytes: office('docx', { method: 'store' }), kind: 'docx', mimeType: MIME.docx, note: 'stored entries' },
    { fileName: '方案.docx', bytes: office('docx', { method: 'deflate' }), kind: 'docx', mimeType: MIME.docx, note: 'deflated entries' },
    { fileName: '清单.xlsx', bytes: office('xlsx', { method: 'store' }), kind: 'xlsx', mimeType: MIME.xlsx, note: 'stored entries' },
    { fileName: '汇报.pptx', bytes: office('pptx', { method: 'store' }), kind: 'pptx', mimeType: MIME.pptx, note: 'stored entries' },
    { fileName: '汇报.pptx', bytes: office('pptx', { method: 'deflate' }), kind: 'pptx', mimeType: MIME.pptx, note: 'deflated entries' },
    { fileName: '汇报.pptx', bytes: office('pptx'), kind: 'any', mimeType: MIME.pptx, note: 'deflated entries' },
    { fileName: '意见书.pdf', bytes: PDF, kind: 'pdf', mimeType: 'application/pdf', note: 'minimal PDF' },
    { fileName: '意见书.pdf', bytes: PDF, kind: 'any', mimeType: 'application/pdf', note: 'minimal PDF' },
    { fileName: '签到表.png', bytes: png(), kind: 'any', mimeType: 'image/png', note: '1×1 PNG' },
    { fileName: '签到表.jpg', bytes: jpeg(), kind: 'any', mimeType: 'image/jpeg', note: '8×8 JPEG' },
    { fileName: '签到表.jpeg', bytes: jpeg(), kind: 'any', mimeType: 'image/jpeg', note: '8×8 JPEG' },
    { fileName: '证据.zip', bytes: zip([{ name: '证据/照片1.png', data: png(), method: 'deflate' }]), kind: 'any', mimeType: 'application/zip', note: 'one photo' },
    { fileName: '证据.zip', bytes: office('docx'), kind: 'any', mimeType: 'application/zip', note: 'an Office file is a zip too' },
    { fileName: '空.zip', bytes: EMPTY_ZIP, kind: 'any', mimeType: 'application/zip', note: 'PK\\x05\\x06, no entries' },
    { fileName: '旧版.doc', bytes: OLE2, kind: 'docx', mimeType: 'application/msword', note: 'OLE2 header' },
    { fileName: '旧版.xls', bytes: OLE2, kind: 'xlsx', mimeType: 'application/vnd.ms-excel', note: 'OLE2 header' },
    { fileName: '旧版.ppt', bytes: OLE2, kind: 'pptx', mimeType: 'application/vnd.ms-powerpoint', note: 'OLE2 header' },
    { fileName: '旧版.doc', bytes: OLE2, kind: 'any', mimeType: 'application/msword', note: 'OLE2 header' },
  ])('$fileName ($note) for a $kind deliverable → $mimeType', ({ fileName, bytes, kind, mimeType }) => {
    expect(checkUpload({ fileName, bytes, kind })).toMatchObject({ ok: true, mimeType });
  });

  it('upper-case extensions: 方案.DOCX, 签到表.JPG, 意见书.Pdf', () => {
    expect(checkUpload({ fileName: '方案.DOCX', bytes: realDocx, kind: 'docx' })).toEqual({ ok: true, mimeType: MIME.docx, extension: 'docx' });
    expect(checkUpload({ fileName: '签到表.JPG', bytes: jpeg(), kind: 'any' })).toMatchObject({ ok: true, extension: 'jpg' });
    expect(checkUpload({ fileName: '意见书.Pdf', bytes: PDF, kind: 'pdf' })).toMatchObject({ ok: true, extension: 'pdf' });
  });

  it('Chinese file names with dots and full-width punctuation inside', () => {
    expect(refusal('和平里街道（第1.2稿）社区治理法律服务方案.docx', realDocx, 'docx')).toBe('accepted');
    expect(refusal('违法行为查处职权部门清单 2025.03.xlsx', realXlsx, 'xlsx')).toBe('accepted');
  });

  it('an EOCD followed by a zip comment, even one that contains a fake EOCD signature', () => {
    expect(refusal('方案.docx', office('docx', { comment: '由 WPS 生成' }), 'docx')).toBe('accepted');
    const trap = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(30)]).toString('latin1');
    expect(refusal('方案.docx', office('docx', { comment: trap }), 'docx')).toBe('accepted');
  });

  it('a macro-free template (.dotx content type) saved as .docx', () => {
    const template = office('docx', { mainType: `${OOXML}.wordprocessingml.template.main+xml` });
    expect(refusal('模板.docx', template, 'docx')).toBe('accepted');
  });

  it('a UTF-16 [Content_Types].xml, which OPC allows', () => {
    const xml = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(contentTypes({ [MAIN.docx.part]: MAIN.docx.type }), 'utf16le')]);
    const bytes = zip([{ name: '[Content_Types].xml', data: xml, method: 'deflate' }, { name: 'word/document.xml', data: '<w/>' }]);
    expect(refusal('方案.docx', bytes, 'docx')).toBe('accepted');
  });

  it("single-quoted attributes in [Content_Types].xml", () => {
    const xml = `<Types><Override PartName='/xl/workbook.xml' ContentType='${MAIN.xlsx.type}'/></Types>`;
    expect(refusal('清单.xlsx', zip([{ name: '[Content_Types].xml', data: xml, method: 'deflate' }]), 'xlsx')).toBe('accepted');
  });

  it('a client path in the name counts only by its last segment', () => {
    expect(checkUpload({ fileName: 'C:\\Users\\张律师\\Desktop\\方案.docx', bytes: realDocx, kind: 'docx' })).toMatchObject({ ok: true, extension: 'docx' });
  });
});

describe('refused files', () => {
  it('an .xlsx uploaded for a docx deliverable, with a bilingual message that names what is wanted', () => {
    expect(checkUpload({ fileName: '清单.xlsx', bytes: realXlsx, kind: 'docx' })).toEqual({
      ok: false,
      reason: 'extension_not_allowed',
      message: { zh: '文件类型与成果要求不符：此处须上传 Word 文档（.docx）', en: 'This file type does not fit the deliverable: please upload a Word document (.docx).' },
    });
  });

  it.each<[string, Buffer, DeliverableKind]>([
    ['方案.docx', realDocx, 'pdf'],
    ['意见书.pdf', PDF, 'docx'],
    ['汇报.pptx', office('pptx'), 'xlsx'],
    ['签到表.png', png(), 'pdf'],
    ['证据.zip', zip([{ name: 'a.txt', data: 'a' }]), 'docx'],
    ['说明.txt', Buffer.from('纯文本'), 'any'],
    ['方案.odt', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }]), 'any'],
    ['方案.docm', office('docx'), 'any'],
  ])('%s for a %s deliverable: extension_not_allowed', (fileName, bytes, kind) => {
    expect(refusal(fileName, bytes, kind)).toBe('extension_not_allowed');
  });

  it('PNG bytes named x.html are refused for every kind', () => {
    for (const kind of ['docx', 'xlsx', 'pptx', 'pdf', 'any'] as const) expect(refusal('x.html', png(), kind)).toBe('forbidden_extension');
  });

  it.each(['report.docx.html', 'report.pdf.HTM', 'report.html.', 'report.html  ', '方案.docx.exe', 'photo.svg', 'photo.SVGZ'])(
    '%s, whatever its bytes: forbidden_extension',
    (fileName) => {
      expect(refusal(fileName, png(), 'any')).toBe('forbidden_extension');
      expect(refusal(fileName, realDocx, 'docx')).toBe('forbidden_extension');
    },
  );

  it.each('html htm xhtml svg svgz xml js mjs cjs jsx ts exe dll bat cmd com sh ps1 vbs msi jar php py hta scr lnk app'.split(' '))(
    '.%s in any case is always refused',
    (extension) => {
      expect(refusal(`文件.${extension}`, PDF, 'any')).toBe('forbidden_extension');
      expect(refusal(`文件.${extension.toUpperCase()}`, PDF, 'any')).toBe('forbidden_extension');
    },
  );

  it('the forbidden-extension message says why in both languages', () => {
    const verdict = checkUpload({ fileName: 'x.html', bytes: png(), kind: 'docx' });
    expect(verdict).toMatchObject({ ok: false, message: { zh: '出于安全考虑，不接受 .html 文件：此处须上传 Word 文档（.docx）' } });
  });

  it.each(['方案', 'README', 'x.', '..', ''])('no extension (%j): missing_extension', (fileName) => {
    expect(refusal(fileName, realDocx, 'any')).toBe('missing_extension');
  });

  it.each<[string, string, Buffer, DeliverableKind]>([
    ['a .docx whose bytes are a PDF', '方案.docx', PDF, 'docx'],
    ['a .pdf whose bytes are a .docx', '意见书.pdf', office('docx'), 'pdf'],
    ['an empty .pdf', '意见书.pdf', Buffer.alloc(0), 'pdf'],
    ['an empty zip named .docx', '方案.docx', EMPTY_ZIP, 'docx'],
    ['a .docx renamed .doc', '旧版.doc', office('docx'), 'docx'],
    ['an OLE2 .doc renamed .docx', '方案.docx', OLE2, 'docx'],
    ['a PNG renamed .jpg', '照片.jpg', png(), 'any'],
    ['a JPEG renamed .png', '照片.png', jpeg(), 'any'],
    ['an HTML page renamed .pdf', '意见书.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'any'],
  ])('%s: content_mismatch', (_name, fileName, bytes, kind) => {
    expect(refusal(fileName, bytes, kind)).toBe('content_mismatch');
  });

  it('a zip renamed .docx, without [Content_Types].xml: not_office_document', () => {
    const bytes = zip([{ name: 'word/document.xml', data: '<w:document/>', method: 'deflate' }]);
    expect(checkUpload({ fileName: '方案.docx', bytes, kind: 'docx' })).toMatchObject({
      ok: false,
      reason: 'not_office_document',
      message: { zh: '文件不是有效的 Word 文档：请用 Office 或 WPS 另存为 .docx 后上传' },
    });
  });

  it('content types that declare no main part at all: not_office_document', () => {
    const bytes = zip([{ name: '[Content_Types].xml', data: contentTypes({}), method: 'deflate' }]);
    expect(refusal('方案.docx', bytes, 'docx')).toBe('not_office_document');
  });

  it('a .docx whose content types declare a spreadsheet: content_mismatch', () => {
    expect(refusal('方案.docx', office('xlsx'), 'docx')).toBe('content_mismatch');
    expect(refusal('方案.docx', realXlsx, 'docx')).toBe('content_mismatch');
    expect(refusal('清单.xlsx', realDocx, 'xlsx')).toBe('content_mismatch');
    expect(refusal('汇报.pptx', realDocx, 'any')).toBe('content_mismatch');
  });

  it.each([
    ['docx', 'application/vnd.ms-word.document.macroEnabled.main+xml'],
    ['docx', 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml'],
    ['xlsx', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
    ['pptx', 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml'],
  ] as const)('a macro-enabled %s renamed to the macro-free extension (%s): macro_enabled', (kind, mainType) => {
    expect(refusal(`方案.${kind}`, office(kind, { mainType }), kind)).toBe('macro_enabled');
  });

  it('a vbaProject.bin part, even under a macro-free main content type: macro_enabled', () => {
    const bytes = office('docx', { extra: [{ name: 'word/vbaProject.bin', data: Buffer.alloc(64) }] });
    expect(refusal('方案.docx', bytes, 'docx')).toBe('macro_enabled');
  });

  it('a truncated zip: content_mismatch', () => {
    expect(refusal('方案.docx', realDocx.subarray(0, Math.floor(realDocx.length / 2)), 'docx')).toBe('content_mismatch');
    expect(refusal('方案.docx', realDocx.subarray(0, realDocx.length - 1), 'docx')).toBe('content_mismatch');
    const commented = office('docx', { comment: '备注' });
    expect(refusal('方案.docx', commented.subarray(0, commented.length - 1), 'docx')).toBe('content_mismatch');
  });

  it('a central directory that points past the data, or a damaged [Content_Types].xml: content_mismatch', () => {
    const shifted = Buffer.from(office('docx'));
    const eocd = shifted.length - 22;
    shifted.writeUInt32LE(shifted.readUInt32LE(eocd + 16) + 7, eocd + 16);
    expect(refusal('方案.docx', shifted, 'docx')).toBe('content_mismatch');
    const badCrc = zip([{ name: '[Content_Types].xml', data: contentTypes({ [MAIN.docx.part]: MAIN.docx.type }), method: 'deflate', corruptCrc: true }]);
    expect(refusal('方案.docx', badCrc, 'docx')).toBe('content_mismatch');
  });

  it('two [Content_Types].xml entries, which two readers could disagree on: content_mismatch', () => {
    const bytes = office('docx', { extra: [{ name: '[Content_Types].xml', data: contentTypes({ [MAIN.xlsx.part]: MAIN.xlsx.type }) }] });
    expect(refusal('方案.docx', bytes, 'docx')).toBe('content_mismatch');
  });

  it('a zip64 end record: content_mismatch', () => {
    const bytes = Buffer.from(office('docx'));
    bytes.writeUInt16LE(0xffff, bytes.length - 22 + 8);
    bytes.writeUInt16LE(0xffff, bytes.length - 22 + 10);
    expect(refusal('方案.docx', bytes, 'docx')).toBe('content_mismatch');
  });

  it('a central directory of more than 10,000 entries: archive_too_large (10,000 pass)', () => {
    const filler = (count: number) => Array.from({ length: count }, (_, index): ZipEntry => ({ name: `word/media/${index}.xml`, data: '' }));
    expect(refusal('方案.docx', office('docx', { extra: filler(9_997) }), 'docx')).toBe('accepted');
    expect(refusal('方案.docx', office('docx', { extra: filler(9_998) }), 'docx')).toBe('archive_too_large');
  });

  it('a [Content_Types].xml over 1 MB: archive_too_large, whether its declared size is honest or a lie', () => {
    const huge = contentTypes({ [MAIN.docx.part]: MAIN.docx.type }).replace('<Types', `<Types${' '.repeat(1024 * 1024)}`);
    const honest = zip([{ name: '[Content_Types].xml', data: huge, method: 'deflate' }]);
    const lying = zip([{ name: '[Content_Types].xml', data: huge, method: 'deflate', declaredSize: 900 }]);
    expect(honest.length).toBeLessThan(10_000);
    expect(refusal('方案.docx', honest, 'docx')).toBe('archive_too_large');
    expect(refusal('方案.docx', lying, 'docx')).toBe('archive_too_large');
  });

  it('a [Content_Types].xml of just under 1 MB of unclosed attributes is read in linear time: not_office_document', () => {
    const hostile = `<Types>${'<Default ContentType="'.repeat(40_000)}${"ContentType='x ".repeat(10_000)}`;
    expect(hostile.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(refusal('方案.docx', zip([{ name: '[Content_Types].xml', data: hostile, method: 'deflate' }]), 'docx')).toBe('not_office_document');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('every refusal message has Chinese and English text', () => {
    const cases: [string, Buffer, DeliverableKind][] = [
      ['方案', realDocx, 'docx'],
      ['x.html', png(), 'any'],
      ['清单.xlsx', realXlsx, 'pptx'],
      ['方案.docx', PDF, 'docx'],
      ['方案.docx', zip([{ name: 'a', data: 'a' }]), 'docx'],
      ['方案.docx', office('docx', { mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' }), 'docx'],
    ];
    for (const [fileName, bytes, kind] of cases) {
      const verdict = checkUpload({ fileName, bytes, kind });
      if (verdict.ok) throw new Error(`${fileName} was accepted`);
      expect(verdict.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(verdict.message.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('fileExtension', () => {
  it.each([
    ['方案.DOCX', 'docx'],
    ['report.docx.html', 'html'],
    ['report.html. . ', 'html'],
    ['a/b/c.Pdf', 'pdf'],
    ['C:\\x\\y.XLSX', 'xlsx'],
    ['无扩展名', undefined],
  ])('%j → %j', (fileName, extension) => {
    expect(fileExtension(fileName)).toBe(extension);
  });
});

// Files LibreOffice writes (only Writer is installed here: .docx, legacy .doc, .pdf, and its
// macro-enabled .docm and template .dotx). Skipped, and says so, where LibreOffice is absent.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
describe.skipIf(!soffice)(
  soffice ? `files written by LibreOffice (${soffice})` : 'files written by LibreOffice — SKIPPED: neither /usr/bin/soffice nor /usr/bin/libreoffice is installed',
  () => {
    const directory = mkdtempSync(join(tmpdir(), 'gongzhi-file-types-'));
    const written: Record<string, Buffer> = {};
    const targets = ['docx', 'doc', 'pdf', 'docm:MS Word 2007 XML VBA', 'dotx:MS Word 2007 XML Template'];

    beforeAll(async () => {
      const source = join(directory, '方案.fodt');
      writeFileSync(
        source,
        '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">' +
          '<office:body><office:text><text:p>社区治理法律服务方案</text:p></office:text></office:body></office:document>',
      );
      // One profile per process: concurrent LibreOffice instances sharing a profile lock each other out.
      await Promise.all(
        targets.map((target, index) => {
          const outdir = join(directory, `out-${index}`);
          const profile = pathToFileURL(join(directory, `profile-${index}`)).href;
          return promisify(execFile)(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outdir, source], { timeout: 120_000 }).then(() => {
            const extension = target.split(':')[0]!;
            written[extension] = readFileSync(join(outdir, `方案.${extension}`));
          });
        }),
      );
    }, 150_000);
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('its .docx is accepted for docx and any', () => {
      expect(checkUpload({ fileName: '方案.docx', bytes: written.docx!, kind: 'docx' })).toEqual({ ok: true, mimeType: MIME.docx, extension: 'docx' });
      expect(refusal('方案.docx', written.docx!, 'any')).toBe('accepted');
    });
    it('its legacy .doc is accepted as application/msword, and refused when renamed .docx', () => {
      expect(checkUpload({ fileName: '方案.doc', bytes: written.doc!, kind: 'docx' })).toMatchObject({ ok: true, mimeType: 'application/msword' });
      expect(refusal('方案.docx', written.doc!, 'docx')).toBe('content_mismatch');
    });
    it('its .pdf is accepted for pdf, refused for docx and when renamed .docx', () => {
      expect(checkUpload({ fileName: '方案.pdf', bytes: written.pdf!, kind: 'pdf' })).toMatchObject({ ok: true, mimeType: 'application/pdf' });
      expect(refusal('方案.pdf', written.pdf!, 'docx')).toBe('extension_not_allowed');
      expect(refusal('方案.docx', written.pdf!, 'docx')).toBe('content_mismatch');
    });
    it('its macro-enabled .docm renamed .docx is refused: macro_enabled', () => {
      expect(refusal('方案.docx', written.docm!, 'docx')).toBe('macro_enabled');
    });
    it('its macro-free .dotx template renamed .docx is accepted', () => {
      expect(refusal('方案.docx', written.dotx!, 'docx')).toBe('accepted');
    });
  },
);
