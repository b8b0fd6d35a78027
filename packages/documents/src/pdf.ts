// PDF copies of the documents, through LibreOffice (headless) on the worker: the same client a
// street office opens them with, so the PDF shows what they would print.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice's first start in a fresh profile takes seconds; a 50-community manual, more. */
export const PDF_CONVERSION_TIMEOUT_MS = 120_000;

/** The file kinds LibreOffice converts for us, by extension. */
export const CONVERTIBLE_TO_PDF = ['docx', 'xlsx'] as const;
export type ConvertibleKind = (typeof CONVERTIBLE_TO_PDF)[number];

/** No LibreOffice on this machine (`soffice` not found): a setup problem, not a bad document. */
export class PdfConverterMissing extends Error {
  override readonly name = 'PdfConverterMissing';
}

/**
 * Converts one .docx or .xlsx to PDF. Each conversion gets its own LibreOffice profile: two
 * conversions sharing one lock each other out.
 */
export async function convertToPdf(content: Buffer, kind: ConvertibleKind, soffice = 'soffice'): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'gongzhi-pdf-'));
  const profile = join(tmpdir(), `gongzhi-lo-${randomUUID()}`);
  try {
    const input = join(directory, `document.${kind}`);
    await writeFile(input, content);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', directory, input],
        { timeout: PDF_CONVERSION_TIMEOUT_MS },
        (error, stdout, stderr) => {
          if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new PdfConverterMissing(`${soffice} is not installed on this worker`));
          else if (error) reject(new Error(`LibreOffice failed to convert the ${kind}: ${error.message} ${stderr || stdout}`.trim()));
          else resolve();
        },
      );
    });
    const pdf = await readFile(join(directory, 'document.pdf')).catch(() => null);
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`LibreOffice produced no PDF for the ${kind}`);
    return pdf;
  } finally {
    await rm(directory, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
