import { type Db, engagementViolationKeys, publishChange, saveCaseSettingsRecord, withTransaction } from '@gongzhi/db';
import { casePeriodSettingsProblems, type FieldError } from '@gongzhi/domain';
import { type SaveCaseSettingsCommand } from '../workflows/definitions';
import { auditKey } from '../keys';
import { audit } from './support';

export interface CaseSettingsActivities {
  /** Saves the periods in one transaction, or answers why not; a retried attempt writes nothing twice. */
  saveCaseSettings(input: { engagementId: string; at: string; commandId: string; command: SaveCaseSettingsCommand }): Promise<
    { version: number } | { refused: 'not_found' } | { refused: 'engagement_not_running' } | { refused: 'version_conflict'; currentVersion: number } | { refused: 'invalid'; errors: FieldError[] }
  >;
}

export function createCaseSettingsActivities(db: Db): CaseSettingsActivities {
  return {
    async saveCaseSettings({ engagementId, at, commandId, command }) {
      const errors = casePeriodSettingsProblems(command.periods, await engagementViolationKeys(db, engagementId));
      if (errors.length > 0) return { refused: 'invalid', errors };
      const key = auditKey.caseSettings(engagementId, `${at}:${commandId}`);
      const result = await withTransaction(db, async (tx) => {
        // A retried attempt whose first one committed finds its audit row: the same answer.
        const done = await tx.auditEvent.findUnique({ where: { key }, select: { after: true } });
        if (done) return { version: (done.after as { version: number }).version };
        const saved = await saveCaseSettingsRecord(tx, { engagementId, periods: command.periods, expectedVersion: command.expectedVersion, actorId: command.actorId, at: new Date(at) });
        if ('refused' in saved) return saved;
        await audit(tx, { key, engagementId, actorId: command.actorId, action: 'case.settings_saved', entityType: 'engagement', entityId: engagementId, before: saved.before, after: { version: saved.version, ...command.periods }, at });
        return { version: saved.version };
      });
      if (!('refused' in result)) await publishChange(db, { engagementId, type: 'case.updated' });
      return result;
    },
  };
}
