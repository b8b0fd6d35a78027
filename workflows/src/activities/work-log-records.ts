import { type Db, fromDbDate, groupWorkLog, listWorkLogLedger, publishChange, recordWorkLogEntryRecord, shareWorkLogEntryRecord, type WorkLogRefusal, withdrawWorkLogEntryRecord, withTransaction } from '@gongzhi/db';
import { renderWorkLogWorkbook } from '@gongzhi/documents';
import { civilDateAt, type WorkLogActivity, workLogTotals } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { type WorkLogCommand } from '../workflows/definitions';
import { auditKey } from '../keys';
import { DEFAULT_FIRM_NAME } from './document-generation';
import { audit } from './support';

type Command<K extends WorkLogCommand['kind']> = Extract<WorkLogCommand, { kind: K }>;

export interface WorkLogActivities {
  /** Writes a 工作日志 entry in one transaction with its audit row, or answers why not; a retried attempt writes nothing twice. */
  logWork(input: { engagementId: string; command: Command<'log'> }): Promise<{ id: string; changed: boolean } | WorkLogRefusal>;
  /** Puts an entry on the client's progress feed or takes it off; the same state again changes nothing. */
  shareWorkLogEntry(input: { engagementId: string; command: Command<'share'> }): Promise<{ id: string; changed: boolean } | { refused: 'not_found' }>;
  /** Withdraws an entry with its reason; withdrawing it again changes nothing. */
  withdrawWorkLogEntry(input: { engagementId: string; command: Command<'withdraw'> }): Promise<{ id: string; changed: boolean } | { refused: 'not_found' }>;
  /** Drafts the 工作台账 workbook of the standing entries (one community's, or all) and stores it. */
  exportWorkLog(input: { engagementId: string; communityKey: string | null }): Promise<{ file: { storageKey: string; sha256: string; sizeBytes: number; fileName: string } }>;
}

export function createWorkLogActivities({ db, files, firmName = DEFAULT_FIRM_NAME }: { db: Db; files: FileStore; firmName?: string }): WorkLogActivities {
  // The log is the firm's and the client's progress feed at once: any change refreshes the engagement on screen.
  const announce = async (engagementId: string, result: { changed: boolean } | { refused: string }) => {
    if ('changed' in result && result.changed) await publishChange(db, { engagementId, type: 'engagement.updated' });
  };
  return {
    async logWork({ engagementId, command }) {
      const at = new Date();
      const { kind: _kind, actorId, ...entry } = command;
      const result = await withTransaction(db, async (tx) => {
        const saved = await recordWorkLogEntryRecord(tx, { ...entry, engagementId, actorId, at });
        if ('refused' in saved) return saved;
        if (saved.created) {
          await audit(tx, { key: auditKey.workLog(command.id, 'logged'), engagementId, actorId, action: 'work_log.logged', entityType: 'work_log_entry', entityId: command.id, after: entry, at: at.toISOString() });
        }
        return { id: saved.id, changed: saved.created };
      });
      await announce(engagementId, result);
      return result;
    },
    async shareWorkLogEntry({ engagementId, command }) {
      const at = new Date();
      const result = await withTransaction(db, async (tx) => {
        const saved = await shareWorkLogEntryRecord(tx, { engagementId, id: command.id, clientVisible: command.clientVisible });
        if ('refused' in saved) return saved;
        if (saved.changed) {
          await audit(tx, {
            key: auditKey.workLog(command.id, 'shared', at.toISOString()),
            engagementId,
            actorId: command.actorId,
            action: command.clientVisible ? 'work_log.shared' : 'work_log.unshared',
            entityType: 'work_log_entry',
            entityId: command.id,
            after: { clientVisible: command.clientVisible },
            at: at.toISOString(),
          });
        }
        return saved;
      });
      await announce(engagementId, result);
      return result;
    },
    async withdrawWorkLogEntry({ engagementId, command }) {
      const at = new Date();
      const result = await withTransaction(db, async (tx) => {
        const saved = await withdrawWorkLogEntryRecord(tx, { engagementId, id: command.id, reason: command.reason, actorId: command.actorId, at });
        if ('refused' in saved) return saved;
        if (saved.changed) {
          await audit(tx, { key: auditKey.workLog(command.id, 'withdrawn'), engagementId, actorId: command.actorId, action: 'work_log.withdrawn', entityType: 'work_log_entry', entityId: command.id, after: { reason: command.reason }, at: at.toISOString() });
        }
        return saved;
      });
      await announce(engagementId, result);
      return result;
    },
    async exportWorkLog({ engagementId, communityKey }) {
      const [engagement, community, entries, groups] = await Promise.all([
        db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { name: true, clientName: true } }),
        communityKey === null ? null : db.community.findFirst({ where: { engagementId, key: communityKey }, select: { name: true } }),
        listWorkLogLedger(db, engagementId, communityKey),
        groupWorkLog(db, engagementId, communityKey === null ? {} : { communityKey }),
      ]);
      const date = civilDateAt(new Date());
      const content = await renderWorkLogWorkbook({
        clientName: engagement.clientName,
        engagementName: engagement.name,
        community: community?.name ?? null,
        entries: entries.map((entry) => ({
          workedOn: fromDbDate(entry.workedOn),
          community: entry.community?.name ?? null,
          activity: entry.activity as WorkLogActivity,
          minutes: entry.minutes,
          note: entry.note,
          loggedBy: entry.loggedBy.displayName,
          sharedWithClient: entry.clientVisible,
        })),
        totals: workLogTotals(groups),
        preparedBy: firmName,
        date,
      });
      const stored = await files.put(content);
      return { file: { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileName: `${community?.name ?? engagement.clientName}法律服务工作台账（${date}）.xlsx` } };
    },
  };
}
