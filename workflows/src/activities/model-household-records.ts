import { type Db, type ModelHouseholdRefusal, publishChange, recordModelHouseholdRecord, withdrawModelHouseholdRecord, withTransaction } from '@gongzhi/db';
import { type ModelHouseholdCommand } from '../workflows/definitions';
import { auditKey } from '../keys';
import { audit } from './support';

type Refusal = ModelHouseholdRefusal;

export interface ModelHouseholdActivities {
  /** Records a 德治典型 household in one transaction with its audit row, or answers why not; a retried attempt writes nothing twice. */
  recordModelHousehold(input: { engagementId: string; command: Extract<ModelHouseholdCommand, { kind: 'record' }> }): Promise<{ id: string; changed: boolean } | Refusal>;
  /** Withdraws one with its reason; withdrawing it again changes nothing. */
  withdrawModelHousehold(input: { engagementId: string; command: Extract<ModelHouseholdCommand, { kind: 'withdraw' }> }): Promise<{ id: string; changed: boolean } | { refused: 'not_found' }>;
}

export function createModelHouseholdActivities(db: Db): ModelHouseholdActivities {
  return {
    async recordModelHousehold({ engagementId, command }) {
      const at = new Date();
      const { kind: _kind, actorId, ...record } = command;
      const result = await withTransaction(db, async (tx) => {
        const saved = await recordModelHouseholdRecord(tx, { ...record, engagementId, actorId, at });
        if ('refused' in saved) return saved;
        if (saved.created) {
          await audit(tx, { key: auditKey.modelHousehold(command.id, 'recorded'), engagementId, actorId, action: 'model_household.recorded', entityType: 'model_household', entityId: command.id, after: record, at: at.toISOString() });
        }
        return { id: saved.id, changed: saved.created };
      });
      if ('changed' in result && result.changed) await publishChange(db, { engagementId, type: 'case.updated' });
      return result;
    },
    async withdrawModelHousehold({ engagementId, command }) {
      const at = new Date();
      const result = await withTransaction(db, async (tx) => {
        const saved = await withdrawModelHouseholdRecord(tx, { engagementId, id: command.id, reason: command.reason, actorId: command.actorId, at });
        if ('refused' in saved) return saved;
        if (saved.changed) {
          await audit(tx, { key: auditKey.modelHousehold(command.id, 'withdrawn'), engagementId, actorId: command.actorId, action: 'model_household.withdrawn', entityType: 'model_household', entityId: command.id, after: { reason: command.reason }, at: at.toISOString() });
        }
        return saved;
      });
      if ('changed' in result && result.changed) await publishChange(db, { engagementId, type: 'case.updated' });
      return result;
    },
  };
}
