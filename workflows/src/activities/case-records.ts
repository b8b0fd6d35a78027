import { type CaseRefusal, type Db, engagementViolationKeys, openCaseRecord, publishChange, recordCaseEventRecord, withTransaction } from '@gongzhi/db';
import { type CaseEvent, type CasePeriods, type CaseReport, type CaseState } from '@gongzhi/domain';
import { auditKey, notificationKey } from '../keys';
import { audit, json } from './support';

export interface OpenCaseInput {
  caseId: string;
  engagementId: string;
  report: CaseReport;
  state: CaseState;
  periods: CasePeriods;
  at: string;
}

export interface RecordCaseEventInput {
  caseId: string;
  engagementId: string;
  /** The event's number in the case (1 is the report). */
  seq: number;
  event: CaseEvent;
  /** The case after the event. */
  state: CaseState;
  at: string;
}

export interface CaseActivities {
  /** Writes the reported case and its first event, or answers why the report does not fit; a retry writes nothing twice. */
  openCase(input: OpenCaseInput): Promise<{ created: boolean } | CaseRefusal>;
  /** Writes one event and the case's state after it, with its audit row and, for 督办, the notices. */
  recordCaseEvent(input: RecordCaseEventInput): Promise<void>;
}

export function createCaseActivities(db: Db): CaseActivities {
  return {
    async openCase({ caseId, engagementId, report, state, periods, at }) {
      const when = new Date(at);
      const violationKeys = await engagementViolationKeys(db, engagementId);
      const result = await withTransaction(db, async (tx) => {
        const opened = await openCaseRecord(tx, { caseId, engagementId, report, state, periods, violationKeys, at: when });
        if ('refused' in opened || !opened.created) return opened;
        await audit(tx, {
          key: auditKey.caseEvent(caseId, 1),
          engagementId,
          actorId: report.reporterId,
          action: 'case.reported',
          entityType: 'problem_case',
          entityId: caseId,
          after: { title: report.title, communityKey: report.communityKey, violationKey: report.violationKey, tier: state.tier, dueOn: state.dueOn },
          at,
        });
        return opened;
      });
      if (!('refused' in result)) await publishChange(db, { engagementId, type: 'case.updated', key: caseId });
      return result;
    },

    async recordCaseEvent({ caseId, engagementId, seq, event, state, at }) {
      const notified = await withTransaction(db, async (tx) => {
        const { written } = await recordCaseEventRecord(tx, { caseId, engagementId, seq, event, state, at: new Date(at) });
        if (!written) return false;
        await audit(tx, {
          key: auditKey.caseEvent(caseId, seq),
          engagementId,
          actorId: event.actorId,
          action: `case.${event.kind}`,
          entityType: 'problem_case',
          entityId: caseId,
          after: { on: event.on, tier: state.tier, step: state.step, dueOn: state.dueOn, status: state.status, supervision: state.supervision, ...event.details },
          at,
        });
        if (event.kind !== 'supervised') return false;
        // 黄牌 to the PM; 红牌 to the PM and the client's contact, who ranks the street's work (nobody, once the engagement is cancelled).
        const level = event.details.level as 'yellow' | 'red';
        const roles = level === 'red' ? (['pm', 'client'] as const) : (['pm'] as const);
        const [recipients, problemCase] = await Promise.all([
          tx.engagementMember.findMany({ where: { engagementId, role: { in: [...roles] }, engagement: { status: { not: 'cancelled' } } }, select: { userId: true } }),
          tx.problemCase.findUniqueOrThrow({ where: { id: caseId }, select: { title: true, community: { select: { name: true } } } }),
        ]);
        await tx.notification.createMany({
          data: recipients.map(({ userId }) => ({
            key: notificationKey.caseSupervised(caseId, seq, userId),
            userId,
            engagementId,
            kind: 'case_supervised' as const,
            payload: json({ caseId, title: problemCase.title, community: problemCase.community.name, level, step: event.details.step, dueOn: event.details.dueOn, department: state.department }),
          })),
          skipDuplicates: true,
        });
        return recipients.length > 0;
      });
      await publishChange(db, { engagementId, type: 'case.updated', key: caseId });
      if (notified) await publishChange(db, { engagementId, type: 'notification' });
    },
  };
}
