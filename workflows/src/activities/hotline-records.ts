import { ApplicationFailure } from '@temporalio/common';
import {
  commitHotlineImportRecord,
  type Db,
  findHotlineImport,
  hotlineCommunityNames,
  loadHotlineFigures,
  publishChange,
  saveHotlineSettingsRecord,
  stageHotlineImportRecord,
  withTransaction,
} from '@gongzhi/db';
import { readTable, renderHotlineWorkbook } from '@gongzhi/documents';
import { civilDateAt, type FieldError, HOTLINE_LIMITS, hotlineFieldLabels, type HotlineRowProblem, hotlineSettingsProblems, hotlineTicketsFromTable, suggestHotlineMapping } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { auditKey } from '../keys';
import { type CommitHotlineImportCommand, type HotlineCommandResult, type SaveHotlineSettingsCommand, type StageHotlineImportCommand } from '../workflows/definitions';
import { DEFAULT_FIRM_NAME } from './document-generation';
import { audit } from './support';

type Refusal = { refused: 'engagement_not_running' | 'not_found' | 'not_staged' | 'imported_other_mapping' | 'newer_import' } | { refused: 'unreadable'; errors: FieldError[] } | { refused: 'invalid'; errors: FieldError[]; problemCount: number };

export interface HotlineActivities {
  /** Reads a stored file as a 12345 extract and stages it with its header, first rows and a suggested mapping. */
  stageHotlineImport(input: { engagementId: string; at: string; command: StageHotlineImportCommand }): Promise<Extract<HotlineCommandResult, { kind: 'stage' }> | Refusal>;
  /** Imports a staged file's tickets under a mapping, all or none. */
  commitHotlineImport(input: { engagementId: string; at: string; command: CommitHotlineImportCommand }): Promise<Extract<HotlineCommandResult, { kind: 'commit' }> | Refusal | { refused: 'conflicts'; errors: FieldError[] }>;
  saveHotlineSettings(input: { engagementId: string; at: string; commandId: string; command: SaveHotlineSettingsCommand }): Promise<
    Extract<HotlineCommandResult, { kind: 'settings' }> | { refused: 'engagement_not_running' } | { refused: 'version_conflict'; currentVersion: number } | { refused: 'invalid'; errors: FieldError[] }
  >;
  exportHotlineReport(input: { engagementId: string }): Promise<Extract<HotlineCommandResult, { kind: 'export' }>>;
}

const SAMPLE_ROWS = 5;
/** More columns than any extract has: a file that is not one (the contract's header list stops here). */
const MAX_COLUMNS = 200;

/** A row's problem as the API's field error: `rows.<row>.<field>` (the mapping's own: `mapping.<field>`), the row named in the message. */
export function rowProblemAsFieldError(problem: HotlineRowProblem): FieldError {
  if (problem.row === 1 && problem.field) return { field: `mapping.${problem.field}`, code: 'rule', message: problem.message };
  const label = problem.field ? hotlineFieldLabels[problem.field] : null;
  return {
    field: `rows.${problem.row}.${problem.field ?? '_row'}`,
    code: 'rule',
    message: { zh: `第 ${problem.row} 行${label ? `（${label.zh}）` : ''}：${problem.message.zh}`, en: `Row ${problem.row}${label ? ` (${label.en})` : ''}: ${problem.message.en}` },
  };
}

const UNREADABLE: Record<'unsupported' | 'unreadable' | 'empty' | 'no_header' | 'too_wide' | 'too_long', FieldError> = {
  unsupported: { field: 'file', code: 'invalid_option', message: { zh: '只能导入 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）', en: 'Only .xlsx or .csv can be imported (save an .xls as .xlsx first)' } },
  unreadable: { field: 'file', code: 'invalid_type', message: { zh: '文件已损坏或不是表格文件', en: 'The file is damaged or not a spreadsheet' } },
  empty: { field: 'file', code: 'required', message: { zh: '文件是空的', en: 'The file is empty' } },
  too_wide: { field: 'file', code: 'rule', message: { zh: `文件超过 ${MAX_COLUMNS} 列，不是工单明细`, en: `The file has more than ${MAX_COLUMNS} columns: not a ticket extract` } },
  too_long: { field: 'file', code: 'too_large', message: { zh: `一个月的明细最多 ${HOTLINE_LIMITS.maxRows} 行，请按月拆分`, en: `A month's extract holds at most ${HOTLINE_LIMITS.maxRows} rows: split it by month` } },
  no_header: { field: 'file', code: 'rule', message: { zh: '第一行应为表头，且至少有一行工单', en: 'The first row must be the header, followed by at least one ticket' } },
};

export function createHotlineActivities({ db, files, firmName = DEFAULT_FIRM_NAME }: { db: Db; files: FileStore; firmName?: string }): HotlineActivities {
  const readStored = async (storageKey: string, fileName: string) => {
    const stored = await files.open(storageKey);
    if (!stored) throw ApplicationFailure.nonRetryable(`no stored file ${storageKey}`, 'hotline_file_missing');
    const chunks: Buffer[] = [];
    for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
    return readTable(Buffer.concat(chunks), fileName);
  };

  return {
    async stageHotlineImport({ engagementId, at, command }) {
      const table = await readStored(command.storageKey, command.fileName);
      if (!table.ok) return { refused: 'unreadable', errors: [UNREADABLE[table.reason]] };
      const [header = [], ...rows] = table.rows;
      const dataRows = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
      if (header.every((cell) => cell.trim() === '') || dataRows.length === 0) return { refused: 'unreadable', errors: [UNREADABLE.no_header] };
      const width = Math.max(header.length, ...dataRows.slice(0, SAMPLE_ROWS).map((row) => row.length));
      if (width > MAX_COLUMNS) return { refused: 'unreadable', errors: [UNREADABLE.too_wide] };
      if (dataRows.length > HOTLINE_LIMITS.maxRows) return { refused: 'unreadable', errors: [UNREADABLE.too_long] };
      const headers = Array.from({ length: width }, (_, index) => header[index]?.trim().slice(0, 200) || `第${index + 1}列`);
      const result = await withTransaction(db, async (tx) => {
        const staged = await stageHotlineImportRecord(
          tx,
          {
            id: command.importId,
            engagementId,
            month: command.month,
            fileName: command.fileName,
            storageKey: command.storageKey,
            sha256: command.sha256,
            sizeBytes: command.sizeBytes,
            format: table.format,
            headers,
            sample: dataRows.slice(0, SAMPLE_ROWS).map((row) => headers.map((_, index) => (row[index] ?? '').slice(0, 200))),
            rowCount: dataRows.length,
            suggestedMapping: suggestHotlineMapping(headers),
            stagedById: command.actorId,
            requestKey: command.requestKey ?? null,
            requestHash: command.requestHash ?? null,
          },
          new Date(at),
        );
        if ('refused' in staged) return staged;
        await audit(tx, {
          key: auditKey.hotline('staged', staged.id, at),
          engagementId,
          actorId: command.actorId,
          action: 'hotline.import_staged',
          entityType: 'hotline_import',
          entityId: staged.id,
          after: { month: command.month, fileName: command.fileName, sha256: command.sha256, rows: dataRows.length },
          at,
        });
        return { kind: 'stage' as const, importId: staged.id };
      });
      return result;
    },

    async commitHotlineImport({ engagementId, at, command }) {
      const staged = await findHotlineImport(db, engagementId, command.importId);
      if (!staged) return { refused: 'not_found' };
      if (staged.status === 'superseded') return { refused: 'not_staged' };
      const table = await readStored(staged.storageKey, staged.fileName);
      if (!table.ok) return { refused: 'unreadable', errors: [UNREADABLE[table.reason]] };
      const parsed = hotlineTicketsFromTable(table.rows, command.mapping, staged.month, await hotlineCommunityNames(db, engagementId));
      if (parsed.problemCount > 0) return { refused: 'invalid', errors: parsed.problems.map(rowProblemAsFieldError), problemCount: parsed.problemCount };
      const result = await withTransaction(
        db,
        async (tx) => {
          const done = await commitHotlineImportRecord(tx, { engagementId, importId: command.importId, mapping: command.mapping, tickets: parsed.tickets, actorId: command.actorId, at: new Date(at) });
          if ('refused' in done) return done;
          const { already, ...counts } = done;
          // Done by an earlier attempt or request: its audit row says so already.
          if (already) return { kind: 'commit' as const, importId: command.importId, ...counts };
          await audit(tx, {
            key: auditKey.hotline('imported', command.importId, at),
            engagementId,
            actorId: command.actorId,
            action: 'hotline.month_imported',
            entityType: 'hotline_import',
            entityId: command.importId,
            after: { month: staged.month, tickets: done.ticketCount, replaced: done.replaced, mapping: command.mapping },
            at,
          });
          return { kind: 'commit' as const, importId: command.importId, ...counts };
        },
        // A month of tickets is a few thousand rows: more than the default five seconds on a busy machine.
        { timeout: 60_000 },
      );
      if ('refused' in result) {
        if (result.refused === 'ticket_conflicts') {
          return {
            refused: 'conflicts',
            errors: result.tickets.map((ticket) => ({
              field: 'rows',
              code: 'rule' as const,
              message: { zh: `工单 ${ticket.ticketId} 已在 ${ticket.month} 的明细中导入，请确认文件的月份`, en: `Ticket ${ticket.ticketId} is already imported for ${ticket.month}: check the file’s month` },
            })),
          };
        }
        return { refused: result.refused };
      }
      await publishChange(db, { engagementId, type: 'hotline.updated', key: staged.month });
      return result;
    },

    async saveHotlineSettings({ engagementId, at, commandId, command }) {
      const errors = hotlineSettingsProblems(command);
      if (errors.length > 0) return { refused: 'invalid', errors };
      const key = auditKey.hotline('settings', engagementId, `${at}:${commandId}`);
      const result = await withTransaction(db, async (tx) => {
        const done = await tx.auditEvent.findUnique({ where: { key }, select: { after: true } });
        if (done) return { kind: 'settings' as const, version: (done.after as { version: number }).version };
        const value = { communities: command.communities, campaigns: command.campaigns };
        const saved = await saveHotlineSettingsRecord(tx, { engagementId, value, expectedVersion: command.expectedVersion, actorId: command.actorId, at: new Date(at) });
        if ('refused' in saved) return saved;
        await audit(tx, { key, engagementId, actorId: command.actorId, action: 'hotline.settings_saved', entityType: 'engagement', entityId: engagementId, before: saved.before, after: { version: saved.version, ...value }, at });
        return { kind: 'settings' as const, version: saved.version };
      });
      if (!('refused' in result)) await publishChange(db, { engagementId, type: 'hotline.updated' });
      return result;
    },

    async exportHotlineReport({ engagementId }) {
      const figures = await loadHotlineFigures(db, engagementId);
      const date = civilDateAt(new Date());
      const content = await renderHotlineWorkbook({ ...figures, preparedBy: firmName, date });
      const stored = await files.put(content);
      return { kind: 'export', file: { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileName: `${figures.clientName} 12345 接诉即办对比（${date}）.xlsx` } };
    },
  };
}
