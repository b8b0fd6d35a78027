import { type Db, findAdoption, fromDbDate, listAdoptionComments } from '@gongzhi/db';
import { renderAdoptionRecord } from '@gongzhi/documents';
import { type AdoptionStatus, adoptionStatusLabels, civilDateAt, type MeetingFigures, type OwnersMatter } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { DEFAULT_FIRM_NAME } from './document-generation';

const VERDICT_LABELS: Record<string, string> = { passed: '通过', no_quorum: '未达法定人数', vote_lost: '表决未通过' };

export interface AdoptionRecordActivities {
  /** The procedure's 民主程序记录 (.docx) from its record as of now, stored; null when there is no such procedure. */
  exportAdoptionRecord(input: { engagementId: string; adoptionId: string }): Promise<{ file: { storageKey: string; sha256: string; sizeBytes: number; fileName: string } } | null>;
}

export function createAdoptionRecordActivities({ db, files, firmName = DEFAULT_FIRM_NAME }: { db: Db; files: FileStore; firmName?: string }): AdoptionRecordActivities {
  return {
    async exportAdoptionRecord({ engagementId, adoptionId }) {
      const [row, engagement, { items, links }] = await Promise.all([
        findAdoption(db, engagementId, adoptionId),
        db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { clientName: true } }),
        listAdoptionComments(db, adoptionId),
      ]);
      if (!row) return null;
      const date = civilDateAt(new Date());
      const content = await renderAdoptionRecord({
        clientName: engagement.clientName,
        communityName: row.community.name,
        title: row.title,
        instrument: row.instrument as 'residents_convention' | 'owners_rules',
        matter: (row.matter as OwnersMatter | null) ?? null,
        statusLabel: adoptionStatusLabels[row.status as AdoptionStatus].zh,
        openedBy: row.openedBy.displayName,
        openedOn: civilDateAt(row.openedAt),
        notice: { from: fromDbDate(row.noticeFrom), to: fromDbDate(row.noticeTo), location: row.noticeLocation, round: row.noticeRound },
        links,
        comments: items.map((comment) => ({
          round: comment.noticeRound,
          clause: comment.clause,
          body: comment.body,
          signedAs: comment.signedAs,
          submittedOn: civilDateAt(comment.submittedAt),
          answer: comment.answer,
          answeredBy: comment.answeredBy?.displayName ?? null,
        })),
        meetings: row.meetings.map((meeting) => ({
          position: meeting.position,
          heldOn: fromDbDate(meeting.heldOn),
          figures: meeting.figures as unknown as MeetingFigures,
          verdictLabel: VERDICT_LABELS[meeting.verdict] ?? meeting.verdict,
          explanation: meeting.explanationZh,
          note: meeting.note,
          recordedBy: meeting.recordedBy.displayName,
        })),
        filing: row.filedOn && row.filedWith ? { filedOn: fromDbDate(row.filedOn), filedWith: row.filedWith, filingNo: row.filingNo } : null,
        withdrawn: row.withdrawnAt && row.withdrawnReason ? { on: civilDateAt(row.withdrawnAt), reason: row.withdrawnReason } : null,
        preparedBy: firmName,
        date,
      });
      const stored = await files.put(content);
      const name = row.title.replace(/[《》]/g, '').replace(/[\\/:*?"<>|]/g, '_');
      return { file: { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileName: `${row.community.name}-${name}-民主程序记录（${date}）.docx` } };
    },
  };
}
