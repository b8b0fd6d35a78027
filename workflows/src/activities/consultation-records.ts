import {
  addConsultationOpinionRecord,
  closeConsultationRecord,
  type ConsultationRefusal,
  type Db,
  type DbTransaction,
  loadConsultationState,
  type OpenedConsultation,
  openConsultationRecord,
  publishChange,
  unansweredInvitees,
  withTransaction,
} from '@gongzhi/db';
import { type CivilDate } from '@gongzhi/domain';
import { type ConsultationCommand } from '../workflows/definitions';
import { auditKey, notificationKey } from '../keys';
import { audit, json } from './support';

type Command<K extends ConsultationCommand['kind']> = Extract<ConsultationCommand, { kind: K }>;

export interface ConsultationActivities {
  /** Puts the consultation on record with its audit row and tells those asked, or answers why not; a retried attempt writes nothing twice. */
  openConsultation(input: {
    consultationId: string;
    engagementId: string;
    actorId: string;
    topic: string;
    question: string;
    materials: string;
    dueOn: CivilDate;
    taskKey: string | null;
    holdsTask: boolean;
    invitees: string[];
    at: string;
  }): Promise<OpenedConsultation | ConsultationRefusal>;
  /** The consultation as on record, for a run that picks it up after one that ended early (null: none). */
  loadConsultation(input: { consultationId: string }): Promise<Awaited<ReturnType<typeof loadConsultationState>>>;
  /** Adds an opinion (once per opinion id). */
  addConsultationOpinion(input: { consultationId: string; engagementId: string; command: Command<'opine'>; at: string }): Promise<{ changed: boolean } | ConsultationRefusal>;
  /** Concludes (telling the requester and those asked) or withdraws the consultation. */
  closeConsultation(input: { consultationId: string; engagementId: string; command: Command<'conclude' | 'withdraw'>; at: string }): Promise<{ changed: boolean } | ConsultationRefusal>;
  /** The due day's reminder: to those asked who have not answered, and to the requester. */
  remindConsultation(input: { consultationId: string; engagementId: string }): Promise<void>;
}

type NoticeKind = 'consultation_requested' | 'consultation_due' | 'consultation_concluded';

export function createConsultationActivities({ db }: { db: Db }): ConsultationActivities {
  const notify = async (tx: DbTransaction | Db, consultationId: string, engagementId: string, kind: NoticeKind, userIds: readonly string[]) => {
    if (userIds.length === 0) return;
    const row = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { topic: true, dueOn: true, requestedBy: { select: { displayName: true } } } });
    const what = kind === 'consultation_requested' ? 'requested' : kind === 'consultation_due' ? 'due' : 'concluded';
    await tx.notification.createMany({
      data: [...new Set(userIds)].map((userId) => ({
        key: notificationKey.consultation(consultationId, what, userId),
        userId,
        engagementId,
        kind,
        payload: json({ consultationId, title: row.topic, dueOn: row.dueOn.toISOString().slice(0, 10), requestedBy: row.requestedBy.displayName }),
      })),
      skipDuplicates: true,
    });
  };
  // A consultation is the firm team's: any change refreshes the engagement on their screens.
  const announce = async (engagementId: string, notified: boolean) => {
    await publishChange(db, { engagementId, type: 'engagement.updated' });
    if (notified) await publishChange(db, { engagementId, type: 'notification' });
  };

  return {
    loadConsultation: ({ consultationId }) => loadConsultationState(db, consultationId),

    async openConsultation({ consultationId, engagementId, actorId, at, ...question }) {
      const result = await withTransaction(db, async (tx) => {
        const saved = await openConsultationRecord(tx, { id: consultationId, engagementId, actorId, at: new Date(at), ...question });
        if ('refused' in saved || !saved.created) return saved;
        await audit(tx, {
          key: auditKey.consultation(consultationId, 'opened'),
          engagementId,
          actorId,
          action: 'consultation.opened',
          entityType: 'consultation',
          entityId: consultationId,
          after: { topic: question.topic, dueOn: question.dueOn, invitees: saved.invitees, taskKey: question.taskKey, holdsTask: saved.hold !== null },
          at,
        });
        await notify(tx, consultationId, engagementId, 'consultation_requested', saved.invitees);
        return saved;
      });
      if (!('refused' in result) && result.created) await announce(engagementId, true);
      return result;
    },

    async addConsultationOpinion({ consultationId, engagementId, command, at }) {
      const result = await withTransaction(db, async (tx) => {
        const saved = await addConsultationOpinionRecord(tx, { consultationId, opinionId: command.opinionId, body: command.body, actorId: command.actorId, at: new Date(at) });
        if ('refused' in saved || !saved.changed) return saved;
        await audit(tx, { key: auditKey.consultation(command.opinionId, 'opinion'), engagementId, actorId: command.actorId, action: 'consultation.opinion_given', entityType: 'consultation', entityId: consultationId, after: { opinionId: command.opinionId }, at });
        return saved;
      });
      if ('changed' in result && result.changed) await announce(engagementId, false);
      return result;
    },

    async closeConsultation({ consultationId, engagementId, command, at }) {
      const close = command.kind === 'conclude' ? { kind: 'conclude' as const, conclusion: command.conclusion } : { kind: 'withdraw' as const, reason: command.reason };
      const result = await withTransaction(db, async (tx) => {
        const saved = await closeConsultationRecord(tx, { consultationId, close, actorId: command.actorId, at: new Date(at) });
        if ('refused' in saved || !saved.changed) return saved;
        const what = command.kind === 'conclude' ? 'concluded' : 'withdrawn';
        await audit(tx, { key: auditKey.consultation(consultationId, what), engagementId, actorId: command.actorId, action: `consultation.${what}`, entityType: 'consultation', entityId: consultationId, after: close, at });
        if (command.kind === 'conclude') {
          const row = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { requestedById: true, invitees: { select: { userId: true } } } });
          await notify(tx, consultationId, engagementId, 'consultation_concluded', [row.requestedById, ...row.invitees.map((invitee) => invitee.userId)].filter((userId) => userId !== command.actorId));
        }
        return saved;
      });
      if ('changed' in result && result.changed) await announce(engagementId, command.kind === 'conclude');
      return result;
    },

    async remindConsultation({ consultationId, engagementId }) {
      const row = await db.consultation.findUnique({ where: { id: consultationId }, select: { requestedById: true, concludedAt: true, withdrawnAt: true, engagement: { select: { status: true } } } });
      if (!row || row.concludedAt || row.withdrawnAt || row.engagement.status === 'cancelled') return;
      await notify(db, consultationId, engagementId, 'consultation_due', [...(await unansweredInvitees(db, consultationId)), row.requestedById]);
      await publishChange(db, { engagementId, type: 'notification' });
    },
  };
}
