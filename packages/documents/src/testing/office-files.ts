// Test-only readers for the files this package writes. Kept out of index.ts: production code has no
// business unzipping documents or starting LibreOffice.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

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
    if (archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY)
      throw new Error(`bad central directory entry at ${offset}`);
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);

    if (archive.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) throw new Error(`bad local header for ${name}`);
    const dataStart =
      localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
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
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1] ?? '')).join(''),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

// ---- Real clients: LibreOffice (soffice) and poppler (pdftotext, pdfinfo, pdftoppm).

function isInstalled(command: string, args: string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

export const hasOfficeTools = isInstalled('soffice', ['--version']) && isInstalled('pdftotext', ['-v']);

/** The name of a test that needs LibreOffice and poppler, saying why when it is skipped. */
export function nameOfficeTest(name: string): string {
  return hasOfficeTools
    ? name
    : `${name} — skipped: soffice or pdftotext missing (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)`;
}

/** LibreOffice's first start in a fresh profile takes a while on a busy two-core machine. */
export const CONVERSION_TIMEOUT_MS = 90_000;

/**
 * Converts files to PDF with one LibreOffice run and returns each PDF's path by input file name.
 * Each run gets its own profile (`-env:UserInstallation`): vitest runs test files in parallel, and two
 * LibreOffice processes sharing a profile lock each other out. One run converts a whole batch, so a
 * test file pays LibreOffice's start-up once.
 */
export function convertToPdf(files: readonly { name: string; content: Buffer }[]): Map<string, string> {
  const directory = mkdtempSync(join(tmpdir(), 'gongzhi-documents-'));
  const profile = `/tmp/lo-${randomUUID()}`;
  mkdirSync(join(directory, 'in'));
  const inputs = files.map((file) => {
    const path = join(directory, 'in', file.name);
    writeFileSync(path, file.content);
    return path;
  });
  try {
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        directory,
        ...inputs,
      ],
      { encoding: 'utf8', timeout: CONVERSION_TIMEOUT_MS },
    );
    const produced = new Set(readdirSync(directory));
    const outputs = new Map<string, string>();
    for (const file of files) {
      const pdf = `${file.name.replace(/\.[^.]+$/, '')}.pdf`;
      if (!produced.has(pdf))
        throw new Error(
          `LibreOffice did not convert ${file.name}: status ${result.status}, ${result.error?.message ?? ''} ${result.stderr || result.stdout}`,
        );
      outputs.set(file.name, join(directory, pdf));
    }
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface PdfText {
  /** pdftotext -layout: lines as laid out on the page. */
  layout: string;
  /** The same without any whitespace: names and dates that wrap across lines still match. */
  compact: string;
  pages: number;
}

export function readPdf(pdfPath: string): PdfText {
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (text.status !== 0) throw new Error(`pdftotext failed on ${pdfPath}: ${text.stderr}`);
  const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? Number.NaN);
  return { layout: text.stdout, compact: text.stdout.replace(/\s+/g, ''), pages };
}

/** Page size of a PDF page in points, from pdfinfo. */
export function readPdfPageSize(pdfPath: string, page = 1): { width: number; height: number } {
  const info = spawnSync('pdfinfo', ['-f', String(page), '-l', String(page), pdfPath], { encoding: 'utf8' });
  const match =
    /Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/.exec(info.stdout) ??
    /Page size:\s+([\d.]+)\s+x\s+([\d.]+)/.exec(info.stdout);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

// ---- The document's own XML: page setup, fonts, footers.

export interface WordSection {
  /** Twips, as in w:pgSz. */
  width: number;
  height: number;
  orientation: string | undefined;
  margin: { top: number; bottom: number; left: number; right: number; footer: number };
}

export interface WordLayout {
  sections: WordSection[];
  /** Document defaults (the body): eastAsia and ascii fonts, size in half-points, character spacing. */
  body: { eastAsia?: string; ascii?: string; size?: number; spacing?: number; line?: number; lineRule?: string };
  /** Style id → eastAsia font, size, bold. */
  styles: Map<string, { eastAsia?: string; size?: number; isBold: boolean }>;
  /** fontTable.xml: font name → its alternate (altName). */
  fontFallbacks: Map<string, string | undefined>;
  /** Every footer part: field codes, text, font and size of its runs, alignment. */
  footers: { fields: string[]; text: string; eastAsia?: string; size?: number; alignment?: string }[];
  hasEvenAndOddFooters: boolean;
  created: string | undefined;
}

function attribute(xml: string, element: string, name: string): string | undefined {
  return new RegExp(`<w:${element}\\b[^>]*\\sw:${name}="([^"]*)"`).exec(xml)?.[1];
}

function numberAttribute(xml: string, element: string, name: string): number | undefined {
  const value = attribute(xml, element, name);
  return value === undefined ? undefined : Number(value);
}

export function readWordLayout(docx: Buffer): WordLayout {
  const entries = readZipEntries(docx);
  const text = (name: string): string => entries.get(name)?.toString('utf8') ?? '';
  const documentXml = text('word/document.xml');
  const stylesXml = text('word/styles.xml');

  const sections = [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map(([sectPr]) => ({
    width: numberAttribute(sectPr, 'pgSz', 'w') ?? Number.NaN,
    height: numberAttribute(sectPr, 'pgSz', 'h') ?? Number.NaN,
    orientation: attribute(sectPr, 'pgSz', 'orient'),
    margin: {
      top: numberAttribute(sectPr, 'pgMar', 'top') ?? Number.NaN,
      bottom: numberAttribute(sectPr, 'pgMar', 'bottom') ?? Number.NaN,
      left: numberAttribute(sectPr, 'pgMar', 'left') ?? Number.NaN,
      right: numberAttribute(sectPr, 'pgMar', 'right') ?? Number.NaN,
      footer: numberAttribute(sectPr, 'pgMar', 'footer') ?? Number.NaN,
    },
  }));

  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(stylesXml)?.[1] ?? '';
  const styles = new Map<string, { eastAsia?: string; size?: number; isBold: boolean }>();
  for (const match of stylesXml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const body = match[2] ?? '';
    styles.set(match[1] ?? '', {
      eastAsia: attribute(body, 'rFonts', 'eastAsia'),
      size: numberAttribute(body, 'sz', 'val'),
      isBold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(body),
    });
  }

  const fontFallbacks = new Map<string, string | undefined>();
  for (const match of text('word/fontTable.xml').matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
    fontFallbacks.set(match[1] ?? '', attribute(match[2] ?? '', 'altName', 'val'));
  }

  const footers = [...entries.keys()]
    .filter((name) => /^word\/footer\d*\.xml$/.test(name))
    .sort()
    .map((name) => {
      const xml = text(name);
      return {
        fields: [...xml.matchAll(/<w:instrText[^>]*>\s*([A-Z]+)/g)].map((match) => match[1] ?? ''),
        text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '').join(''),
        eastAsia: attribute(xml, 'rFonts', 'eastAsia'),
        size: numberAttribute(xml, 'sz', 'val'),
        alignment: attribute(xml, 'jc', 'val'),
      };
    });

  return {
    sections,
    body: {
      eastAsia: attribute(defaults, 'rFonts', 'eastAsia'),
      ascii: attribute(defaults, 'rFonts', 'ascii'),
      size: numberAttribute(defaults, 'sz', 'val'),
      spacing: numberAttribute(defaults.replace(/<w:pPrDefault>[\s\S]*$/, ''), 'spacing', 'val'),
      line: numberAttribute(/<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(defaults)?.[1] ?? '', 'spacing', 'line'),
      lineRule: attribute(/<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(defaults)?.[1] ?? '', 'spacing', 'lineRule'),
    },
    styles,
    fontFallbacks,
    footers,
    hasEvenAndOddFooters: /<w:evenAndOddHeaders(?:\s+w:val="(?:true|1)")?\s*\/>/.test(text('word/settings.xml')),
    created: /<dcterms:created[^>]*>([^<]+)</.exec(text('docProps/core.xml'))?.[1],
  };
}

/**
 * Converts named documents with one LibreOffice run and reads each PDF back; an empty map when the
 * tools are missing (the tests that need it are skipped, by name).
 */
export function convertAndRead(documents: Readonly<Record<string, Buffer>>): Map<string, PdfText> {
  const read = new Map<string, PdfText>();
  if (!hasOfficeTools) return read;
  const converted = convertToPdf(Object.entries(documents).map(([name, content]) => ({ name, content })));
  for (const [name, path] of converted) read.set(name, readPdf(path));
  return read;
}

/** The PDF text of a converted document, failing the test when the conversion left none. */
export function pdfOf(pdfs: Map<string, PdfText>, name: string): PdfText {
  const pdf = pdfs.get(name);
  if (!pdf) throw new Error(`${name} was not converted`);
  return pdf;
}

/** A worksheet's rows as text (empty cells as ''), to read a workbook back. */
export async function readSheetRows(workbook: Buffer, name: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(workbook as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}
