// Test-only readers for the files this package writes. Kept out of index.ts: production code has no
// business unzipping documents or starting LibreOffice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The entries of a zip archive (an .docx/.xlsx is one), read with nothing but zlib. */
export function readZipEntries(archive: Buffer): Map<string, Buffer> {
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);

  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`bad central directory entry at ${offset}`);
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);

    if (archive.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) throw new Error(`bad local header for ${name}`);
    const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, Buffer.from(data));
    else if (method === 8) entries.set(name, inflateRawSync(data));
    else throw new Error(`unsupported compression method ${method} for ${name}`);

    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function readZipText(archive: Buffer, name: string): string {
  const entry = readZipEntries(archive).get(name);
  if (!entry) throw new Error(`${name} is not in the archive`);
  return entry.toString('utf8');
}

/** The visible text of word/document.xml, one line per paragraph. */
export function readWordText(docx: Buffer): string {
  const xml = readZipText(docx, 'word/document.xml');
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1] ?? '')).join(''))
    .filter((line) => line.length > 0)
    .join('\n');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function isLibreOfficeInstalled(): boolean {
  return spawnSync('libreoffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

export const hasLibreOffice = isLibreOfficeInstalled();

/** The name of a LibreOffice test, saying why when it is skipped: CI installs LibreOffice, a laptop may not. */
export function nameLibreOfficeTest(name: string): string {
  return hasLibreOffice ? name : `${name} — skipped: libreoffice is not installed (apt-get install libreoffice-writer-nogui)`;
}

/**
 * Converts a document with LibreOffice, a real client for our files, and returns the output path.
 * Each call gets its own profile directory: vitest runs test files in parallel, and two LibreOffice
 * processes sharing a profile lock each other out.
 */
export function convertWithLibreOffice(document: Buffer, fileName: string, target: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongzhi-documents-'));
  const input = join(directory, fileName);
  writeFileSync(input, document);
  const profile = pathToFileURL(join(directory, 'profile')).href;
  const result = spawnSync(
    'libreoffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', directory, input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const stem = fileName.replace(/\.[^.]+$/, '');
  const extension = target.split(':')[0] ?? target;
  const output = readdirSync(directory).find((name) => name === `${stem}.${extension}`);
  if (result.status !== 0 || !output) {
    throw new Error(`LibreOffice failed to convert ${fileName} to ${target}: ${result.stderr || result.stdout}`);
  }
  return join(directory, output);
}

/** Pages in a PDF, counted from its page objects: enough to see LibreOffice laid the document out. */
export function countPdfPages(pdfPath: string): number {
  return (readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export interface WordLayout {
  /** Twips, as in w:pgSz. */
  pageWidth: number;
  pageHeight: number;
  /** East Asian font of the document defaults and of Heading 1. */
  bodyFont: string | undefined;
  headingFont: string | undefined;
  /** Field codes in the footers, e.g. ["PAGE", "NUMPAGES"]. */
  footerFields: string[];
  created: string | undefined;
}

export function readWordLayout(docx: Buffer): WordLayout {
  const entries = readZipEntries(docx);
  const text = (name: string): string => entries.get(name)?.toString('utf8') ?? '';
  const documentXml = text('word/document.xml');
  const stylesXml = text('word/styles.xml');
  const pageSize = /<w:pgSz[^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(documentXml);
  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(stylesXml)?.[1] ?? '';
  const heading1 = /<w:style [^>]*w:styleId="Heading1"[^>]*>([\s\S]*?)<\/w:style>/.exec(stylesXml)?.[1] ?? '';
  const footers = [...entries.keys()].filter((name) => /^word\/footer\d*\.xml$/.test(name)).map(text).join('');
  return {
    pageWidth: Number(pageSize?.[1]),
    pageHeight: Number(pageSize?.[2]),
    bodyFont: /w:eastAsia="([^"]+)"/.exec(defaults)?.[1],
    headingFont: /w:eastAsia="([^"]+)"/.exec(heading1)?.[1],
    footerFields: [...footers.matchAll(/<w:instrText[^>]*>\s*([A-Z]+)/g)].map((match) => match[1] ?? ''),
    created: /<dcterms:created[^>]*>([^<]+)</.exec(text('docProps/core.xml'))?.[1],
  };
}
