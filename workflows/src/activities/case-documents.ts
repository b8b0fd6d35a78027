import { caseLetterKey, type Db, fromDbDate, loadEngagementKnowledge, publishChange } from '@gongzhi/db';
import { caseLetterInputFromKnowledge, caseReferralViolationFromKnowledge, renderCaseReferral, renderOpenLetter, type CaseReferralStep } from '@gongzhi/documents';
import { type CasePeriods, type CivilDate, civilDateAt, type ClientKind, type GeneratedDocumentKind, OFFICE_MIME_TYPES } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { clientProfileOf } from './document-generation';

export interface RenderCaseReferralInput {
  caseId: string;
  engagementId: string;
  /** The number the referral's event will have: one letter per referral, however often the attempt runs. */
  seq: number;
  department: string;
  on: CivilDate;
  isRepeat: boolean;
  actorId: string;
}

export interface RenderCaseLetterInput {
  caseId: string;
  engagementId: string;
  actorId: string;
}

export interface CaseDocumentActivities {
  /** Drafts the case's 案件移送函 (.docx) from the case, its history and the catalogue, and stores it; answers its id. */
  renderCaseReferral(input: RenderCaseReferralInput): Promise<{ documentId: string; fileName: string }>;
  /** Drafts the 倡议书 (.docx) a case opens with at 德治, from the case and the catalogue, and stores it; answers its id. */
  renderCaseLetter(input: RenderCaseLetterInput): Promise<{ documentId: string; fileName: string }>;
}


/** What the letter's table recounts of each earlier event (the rest — time's events, the report — is not a step taken). */
const RECOUNTED: Record<string, (details: Record<string, unknown>) => [what: string, detail: string]> = {
  letter_published: (d) => ['发布倡议书/公开信', `${d.approvedBy ? `经${String(d.approvedBy)}审定，` : ''}通过${String(d.channel ?? '')}发布${d.note ? `；${String(d.note)}` : ''}`],
  visit_logged: (d) => ['入户劝导', `${String(d.visitor ?? '')}劝导${String(d.visited ?? '')}${d.note ? `：${String(d.note)}` : ''}`],
  measures_applied: (d) => ['按居民公约处理', `依据${String(d.clause ?? '')}：${String(d.measures ?? '')}`],
  mediation_recorded: (d) => ['矛盾纠纷调解', `${String(d.parties ?? '')}，${d.outcome === 'agreed' ? '达成调解协议' : '未达成调解协议'}${d.note ? `：${String(d.note)}` : ''}`],
  escalated: (d) => ['升级处理', String(d.reason ?? '')],
  sent_back: (d) => ['部门回退', `${String(d.department ?? '')}：${String(d.reason ?? '')}`],
  replied: (d) => ['部门答复', `${String(d.department ?? '')}：${String(d.action ?? '')}；${String(d.reply ?? '')}`],
  verification_failed: (d) => ['核查未通过', String(d.note ?? '')],
};

/** A name's first `length` characters, marked when cut: file names stay short enough to show and to store. */
const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function createCaseDocumentActivities({ db, files }: { db: Db; files: FileStore }): CaseDocumentActivities {
  /** Drafts a .docx and stores it under its key, once: a retried attempt finds the first one's row and drafts nothing. */
  const draftOnce = async (
    input: { key: string; kind: GeneratedDocumentKind; engagementId: string; actorId: string },
    draft: () => Promise<{ fileName: string; content: Buffer }>,
  ): Promise<{ documentId: string; fileName: string }> => {
    const done = await db.generatedDocument.findUnique({ where: { key: input.key }, select: { id: true, fileName: true } });
    if (done?.fileName) return { documentId: done.id, fileName: done.fileName };
    const drafted = await draft();
    const stored = await files.put(drafted.content);
    const fileName = drafted.fileName.replace(/[\\/:*?"<>|]/g, '-').replace(/[\u0000-\u001f\u007f]/g, '');
    const saved = await db.generatedDocument.upsert({
      where: { key: input.key },
      create: {
        engagementId: input.engagementId,
        key: input.key,
        kind: input.kind,
        format: 'docx',
        status: 'done',
        progress: 100,
        step: '已完成',
        fileName,
        mimeType: OFFICE_MIME_TYPES.docx,
        storageKey: stored.storageKey,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        createdById: input.actorId,
        finishedAt: new Date(),
      },
      update: {},
      select: { id: true, fileName: true },
    });
    return { documentId: saved.id, fileName: saved.fileName ?? fileName };
  };

  return {
    renderCaseReferral: ({ caseId, engagementId, seq, department, on, isRepeat, actorId }) =>
      draftOnce({ key: `case-referral:${caseId}:${seq}`, kind: 'case-referral', engagementId, actorId }, async () => {
        const [row, engagement, knowledge] = await Promise.all([
          db.problemCase.findUniqueOrThrow({
            where: { id: caseId },
            select: { title: true, description: true, place: true, reportedOn: true, violationKey: true, periods: true, community: { select: { name: true } }, events: { orderBy: { seq: 'asc' }, select: { kind: true, occurredOn: true, details: true } } },
          }),
          db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { clientName: true, clientKind: true } }),
          loadEngagementKnowledge(db, engagementId),
        ]);
        const client = clientProfileOf(engagement.clientName, engagement.clientKind as ClientKind);
        const entry = row.violationKey ? knowledge.violations.find((candidate) => candidate.key === row.violationKey) : undefined;
        const history: CaseReferralStep[] = row.events.flatMap((event) => {
          const recount = RECOUNTED[event.kind];
          if (!recount) return [];
          const [what, detail] = recount((event.details ?? {}) as Record<string, unknown>);
          return [{ on: fromDbDate(event.occurredOn), what, detail }];
        });
        const periods = row.periods as unknown as CasePeriods;
        const content = await renderCaseReferral({
          client,
          department,
          date: on,
          communityName: row.community.name,
          place: row.place,
          title: row.title,
          description: row.description,
          foundOn: fromDbDate(row.reportedOn),
          history,
          violation: entry ? caseReferralViolationFromKnowledge(entry, knowledge.laws, client.kind) : null,
          acceptDays: periods.acceptance,
          replyDays: periods.reply,
          // Sent back before, or referred again after a reply that did not resolve it.
          isRepeat: isRepeat || row.events.some((event) => event.kind === 'referred'),
        });
        return { fileName: `案件移送函（${clip(row.community.name, 30)}·${clip(row.title, 60)}·${on}）.docx`, content };
      }),

    async renderCaseLetter({ caseId, engagementId, actorId }) {
      const saved = await draftOnce({ key: caseLetterKey(caseId), kind: 'case-letter', engagementId, actorId }, async () => {
        const [row, engagement, knowledge] = await Promise.all([
          db.problemCase.findUniqueOrThrow({ where: { id: caseId }, select: { title: true, description: true, place: true, violationKey: true, community: { select: { name: true } } } }),
          db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { clientName: true, clientKind: true } }),
          loadEngagementKnowledge(db, engagementId),
        ]);
        const client = clientProfileOf(engagement.clientName, engagement.clientKind as ClientKind);
        const violation = (row.violationKey && knowledge.violations.find((candidate) => candidate.key === row.violationKey)) || null;
        const content = await renderOpenLetter(
          caseLetterInputFromKnowledge({ client, communityName: row.community.name, date: civilDateAt(new Date()), laws: knowledge.laws, violation, title: row.title, place: row.place, description: row.description }),
        );
        return { fileName: `倡议书（${clip(row.community.name, 30)}·${clip(row.title, 60)}）.docx`, content };
      });
      // The case's page offers the draft as soon as it is there.
      await publishChange(db, { engagementId, type: 'case.updated', key: caseId });
      return saved;
    },
  };
}
