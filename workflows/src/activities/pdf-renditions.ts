import { ApplicationFailure } from '@temporalio/common';
import { type Db } from '@gongzhi/db';
import { type ConvertibleKind, convertToPdf, PdfConverterMissing } from '@gongzhi/documents';
import { type FileStore } from '@gongzhi/storage';

export interface PdfRendition {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

export interface PdfActivities {
  /** The PDF copy of a stored .docx/.xlsx: converted by LibreOffice once per content, then found again. */
  renderPdf(input: { sourceSha256: string; kind: ConvertibleKind }): Promise<PdfRendition>;
}

export function createPdfActivities({ db, files }: { db: Db; files: FileStore }): PdfActivities {
  return {
    async renderPdf({ sourceSha256, kind }) {
      const known = await db.pdfRendition.findUnique({ where: { sourceSha256 } });
      if (known) return { storageKey: known.storageKey, sha256: known.sha256, sizeBytes: known.sizeBytes };
      const source = await files.open(`sha256/${sourceSha256}`);
      if (!source) throw ApplicationFailure.nonRetryable(`no stored file with SHA-256 ${sourceSha256}`, 'pdf_source_missing');
      const chunks: Buffer[] = [];
      for await (const chunk of source.stream) chunks.push(chunk as Buffer);
      let pdf: Buffer;
      try {
        pdf = await convertToPdf(Buffer.concat(chunks), kind);
      } catch (error) {
        // Not installed here: retrying on this worker will not help, another worker might.
        if (error instanceof PdfConverterMissing) throw ApplicationFailure.retryable(error.message, 'pdf_converter_missing');
        throw error;
      }
      const stored = await files.put(pdf);
      await db.pdfRendition.createMany({ data: [{ sourceSha256, storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes }], skipDuplicates: true });
      return { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
    },
  };
}
