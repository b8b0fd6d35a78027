import {
  type AdoptionRefusal,
  type AdoptionState,
  answerAdoptionCommentRecord,
  type CommentsRefusal,
  issueAdoptionCommentLinksRecord,
  submitAdoptionCommentsRecord,
  type Db,
  type DbTransaction,
  endAdoptionNoticeRecord,
  fileAdoptionRecord,
  loadAdoptionState,
  type OpenedAdoption,
  openAdoptionRecord,
  publishChange,
  recordAdoptionMeetingRecord,
  renoticeAdoptionRecord,
  withdrawAdoptionRecord,
  withTransaction,
} from '@gongzhi/db';
import { evaluateMeeting, type MeetingVerdict, type OwnersMatter } from '@gongzhi/domain';
import { type AdoptionCommand, type AdoptionWorkflowInput } from '../workflows/definitions';
import { auditKey } from '../keys';
import { audit } from './support';

type Command<K extends AdoptionCommand['kind']> = Extract<AdoptionCommand, { kind: K }>;

export interface AdoptionActivities {
  /** Puts the procedure on record, on notice, with its audit row, or answers why not; a retried attempt writes nothing twice. */
  openAdoption(input: { adoptionId: string; engagementId: string; at: string } & AdoptionWorkflowInput['open']): Promise<OpenedAdoption | AdoptionRefusal>;
  /** The procedure as on record, for a run that picks up after one that ended early (null: none). */
  loadAdoption(input: { adoptionId: string }): Promise<AdoptionState | null>;
  /** The notice period is over. */
  endAdoptionNotice(input: { adoptionId: string; engagementId: string; at: string }): Promise<{ changed: boolean }>;
  /**
   * A meeting (once per meeting id) with its verdict, computed here from the law and answered: the
   * workflow acts on the verdict on record, so a later change of the rules cannot change its
   * history on replay.
   */
  recordAdoptionMeeting(input: { adoptionId: string; engagementId: string; command: Command<'meeting'>; at: string }): Promise<{ changed: boolean; verdict: MeetingVerdict } | { refused: 'out_of_order' }>;
  /** A revised draft on a new notice (once per round). */
  renoticeAdoption(input: { adoptionId: string; engagementId: string; command: Command<'renotice'>; round: number; at: string }): Promise<{ changed: boolean }>;
  /** The 备案. */
  fileAdoption(input: { adoptionId: string; engagementId: string; command: Command<'file'>; at: string }): Promise<{ changed: boolean }>;
  /** Single-use comment links. */
  issueCommentLinks(input: { adoptionId: string; engagementId: string; command: Command<'issue_links'>; at: string }): Promise<{ changed: boolean }>;
  /** A resident's comments through a link (uses it up), or why not. */
  submitComments(input: { adoptionId: string; engagementId: string; command: Command<'comment'>; round: number; at: string }): Promise<{ changed: boolean } | CommentsRefusal>;
  /** The team's answer to a comment. */
  answerComment(input: { adoptionId: string; engagementId: string; command: Command<'answer'>; at: string }): Promise<{ changed: boolean } | { refused: 'not_found' }>;
  /** Withdraws the procedure. */
  withdrawAdoption(input: { adoptionId: string; engagementId: string; command: Command<'withdraw'>; at: string }): Promise<{ changed: boolean }>;
}

export function createAdoptionActivities({ db }: { db: Db }): AdoptionActivities {
  /** Writes one step with its audit row in one transaction; on a change, refreshes the engagement on screens. */
  const step = async (
    input: { adoptionId: string; engagementId: string; actorId: string | null; at: string },
    what: 'notice_ended' | 'meeting_recorded' | 'renoticed' | 'filed' | 'withdrawn' | 'comment_links_issued' | 'comments_received' | 'comment_answered',
    key: string,
    after: Record<string, unknown>,
    write: (tx: DbTransaction) => Promise<{ changed: boolean }>,
  ): Promise<{ changed: boolean }> => {
    const result = await withTransaction(db, async (tx) => {
      const saved = await write(tx);
      if (saved.changed) {
        await audit(tx, { key: auditKey.adoption(key, what), engagementId: input.engagementId, actorId: input.actorId, action: `adoption.${what}`, entityType: 'adoption', entityId: input.adoptionId, after, at: input.at });
      }
      return saved;
    });
    if (result.changed) await publishChange(db, { engagementId: input.engagementId, type: 'engagement.updated' });
    return result;
  };

  return {
    async openAdoption({ adoptionId, engagementId, at, actorId, ...open }) {
      const result = await withTransaction(db, async (tx) => {
        const saved = await openAdoptionRecord(tx, { id: adoptionId, engagementId, actorId, at: new Date(at), ...open });
        if ('refused' in saved || !saved.created) return saved;
        await audit(tx, {
          key: auditKey.adoption(adoptionId, 'opened'),
          engagementId,
          actorId,
          action: 'adoption.opened',
          entityType: 'adoption',
          entityId: adoptionId,
          after: { communityId: open.communityId, instrument: open.instrument, matter: open.matter, title: open.title, noticeFrom: open.noticeFrom, noticeTo: open.noticeTo, location: open.location },
          at,
        });
        return saved;
      });
      if (!('refused' in result) && result.created) await publishChange(db, { engagementId, type: 'engagement.updated' });
      return result;
    },

    endAdoptionNotice: ({ adoptionId, engagementId, at }) => step({ adoptionId, engagementId, actorId: null, at }, 'notice_ended', adoptionId, {}, (tx) => endAdoptionNoticeRecord(tx, { adoptionId, at: new Date(at) })),

    loadAdoption: ({ adoptionId }) => loadAdoptionState(db, adoptionId),

    async recordAdoptionMeeting({ adoptionId, engagementId, command, at }) {
      const { matter } = await db.conventionAdoption.findUniqueOrThrow({ where: { id: adoptionId }, select: { matter: true } });
      const outcome = evaluateMeeting(command.figures, (matter as OwnersMatter | null) ?? null);
      let verdict = outcome.verdict;
      let outOfOrder = false;
      const { changed } = await step({ adoptionId, engagementId, actorId: command.actorId, at }, 'meeting_recorded', command.meetingId, { heldOn: command.heldOn, figures: command.figures, verdict: outcome.verdict }, async (tx) => {
        const saved = await recordAdoptionMeetingRecord(tx, { adoptionId, meetingId: command.meetingId, heldOn: command.heldOn, figures: command.figures, outcome, note: command.note, actorId: command.actorId, at: new Date(at) });
        if ('refused' in saved) {
          outOfOrder = true;
          return { changed: false };
        }
        // A retried attempt answers the verdict first written.
        verdict = saved.verdict;
        return saved;
      });
      return outOfOrder ? { refused: 'out_of_order' as const } : { changed, verdict };
    },

    renoticeAdoption: ({ adoptionId, engagementId, command, round, at }) =>
      step({ adoptionId, engagementId, actorId: command.actorId, at }, 'renoticed', `${adoptionId}:${round}`, { round, noticeFrom: command.noticeFrom, noticeTo: command.noticeTo, location: command.location }, (tx) =>
        renoticeAdoptionRecord(tx, { adoptionId, round, noticeFrom: command.noticeFrom, noticeTo: command.noticeTo, location: command.location, at: new Date(at) }),
      ),

    fileAdoption: ({ adoptionId, engagementId, command, at }) =>
      step({ adoptionId, engagementId, actorId: command.actorId, at }, 'filed', adoptionId, { filedOn: command.filedOn, filedWith: command.filedWith, filingNo: command.filingNo }, (tx) =>
        fileAdoptionRecord(tx, { adoptionId, filedOn: command.filedOn, filedWith: command.filedWith, filingNo: command.filingNo, actorId: command.actorId, at: new Date(at) }),
      ),

    issueCommentLinks: ({ adoptionId, engagementId, command, at }) =>
      step({ adoptionId, engagementId, actorId: command.actorId, at }, 'comment_links_issued', command.links[0]?.id ?? adoptionId, { count: command.links.length }, (tx) =>
        issueAdoptionCommentLinksRecord(tx, { adoptionId, links: command.links, actorId: command.actorId, at: new Date(at) }),
      ),

    async submitComments({ adoptionId, engagementId, command, round, at }) {
      let refusal: CommentsRefusal | null = null;
      const { changed } = await step({ adoptionId, engagementId, actorId: null, at }, 'comments_received', command.comments[0]!.id, { round, count: command.comments.length, clauses: command.comments.map((comment) => comment.clause) }, async (tx) => {
        const written = await submitAdoptionCommentsRecord(tx, { adoptionId, tokenHash: command.tokenHash, round, comments: command.comments, signedAs: command.signedAs, at: new Date(at) });
        if ('refused' in written) {
          refusal = written;
          return { changed: false };
        }
        return written;
      });
      return refusal ?? { changed };
    },

    async answerComment({ adoptionId, engagementId, command, at }) {
      let missing = false;
      const { changed } = await step({ adoptionId, engagementId, actorId: command.actorId, at }, 'comment_answered', `${command.commentId}:${at}`, { commentId: command.commentId, answer: command.answer }, async (tx) => {
        const written = await answerAdoptionCommentRecord(tx, { adoptionId, commentId: command.commentId, answer: command.answer, actorId: command.actorId, at: new Date(at) });
        if ('refused' in written) {
          missing = true;
          return { changed: false };
        }
        return written;
      });
      return missing ? { refused: 'not_found' as const } : { changed };
    },

    withdrawAdoption: ({ adoptionId, engagementId, command, at }) =>
      step({ adoptionId, engagementId, actorId: command.actorId, at }, 'withdrawn', adoptionId, { reason: command.reason }, (tx) => withdrawAdoptionRecord(tx, { adoptionId, reason: command.reason, actorId: command.actorId, at: new Date(at) })),
  };
}
