import { type CivilDate, civilDateSchema, type Role } from '@gongzhi/domain';
import type { Prisma } from './generated/prisma/client';
import { type DbClient } from './client';

/**
 * What a calendar feed (订阅日历) is made of, read from the record as of now: the dated things of
 * the engagements a person is on (their own calendar) or of one engagement (its PM's). Written by
 * nobody here: every row is another workflow's; the feed only reads.
 */

/** Whose calendar: a person's own, or one engagement's as its PM (or partner) sees it. */
export type CalendarScope = { kind: 'person'; userId: string } | { kind: 'engagement'; userId: string; engagementId: string };

/** Rows per kind in one feed: a year of a busy engagement fits many times over. */
const PER_KIND = 1_000;

/** Only engagements still under way: a finished one's dates are history, not a diary. */
const LIVE_ENGAGEMENT = { status: { in: ['running', 'paused'] as ('running' | 'paused')[] } };

const engagementRef = { select: { id: true, name: true } } as const;

export interface CalendarFeedRow {
  id: string;
  userId: string;
  engagementId: string | null;
  name: string;
  revokedAt: Date | null;
  user: { disabledAt: Date | null; displayName: string; locale: string };
  engagement: { id: string; name: string } | null;
}

/** The live feed behind a token's hash, or null (unknown, revoked, or its owner disabled). */
export async function findLiveCalendarFeed(db: DbClient, tokenHash: string): Promise<CalendarFeedRow | null> {
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, engagementId: true, name: true, revokedAt: true, user: { select: { disabledAt: true, displayName: true, locale: true } }, engagement: engagementRef },
  });
  return feed && feed.revokedAt === null && feed.user.disabledAt === null ? feed : null;
}

/** The person's role on the engagement's team, or null when they are not on it. */
export async function teamRoleOf(db: DbClient, engagementId: string, userId: string): Promise<Role | null> {
  const member = await db.engagementMember.findUnique({ where: { engagementId_userId: { engagementId, userId } }, select: { role: true } });
  return member?.role ?? null;
}

/** The form fields that say when a task's event took place (`heldOn`: training, symposiums, promotion; `meetingDate`: the kick-off talk). */
const HELD_ON_FIELDS = ['heldOn', 'meetingDate'] as const;

function heldOnOf(formData: Prisma.JsonValue): CivilDate | null {
  if (formData === null || typeof formData !== 'object' || Array.isArray(formData)) return null;
  for (const field of HELD_ON_FIELDS) {
    const parsed = civilDateSchema.safeParse(formData[field]);
    if (parsed.success) return parsed.data;
  }
  return null;
}

export async function loadCalendarSource(db: DbClient, scope: CalendarScope) {
  const own = scope.kind === 'person';
  // A person's calendar covers the live engagements they are on; an engagement's, that one.
  const engagements =
    scope.kind === 'engagement'
      ? { id: scope.engagementId, ...LIVE_ENGAGEMENT }
      : { ...LIVE_ENGAGEMENT, members: { some: { userId: scope.userId } } };
  const partnerOf = own ? { ...LIVE_ENGAGEMENT, members: { some: { userId: scope.userId, role: 'partner' as const } } } : engagements;

  const [tasks, held, awaitingReview, consultations, adoptions, sessions, cases] = await Promise.all([
    db.task.findMany({
      where: { engagement: engagements, status: { in: ['pending', 'active', 'in_review', 'changes_requested'] }, ...(own ? { assigneeId: scope.userId } : {}) },
      select: {
        id: true,
        titleZh: true,
        titleEn: true,
        status: true,
        dueDate: true,
        isGate: true,
        stage: { select: { titleZh: true, titleEn: true } },
        community: { select: { name: true } },
        assignee: { select: { displayName: true } },
        engagement: engagementRef,
      },
      orderBy: { dueDate: 'asc' },
      take: PER_KIND,
    }),
    // Done tasks whose form says when something was held (training, symposiums, meetings, promotion
    // events): the engagement's events, for everyone on its team — for a client contact only the
    // work released to the client (no deliverable, or an approved one), as on the client's pages.
    db.task.findMany({
      where: {
        status: 'done',
        AND: [
          { OR: HELD_ON_FIELDS.map((field) => ({ formData: { path: [field], string_contains: '-' } })) },
          own
            ? {
                OR: [
                  { engagement: { ...LIVE_ENGAGEMENT, members: { some: { userId: scope.userId, role: { not: 'client' as const } } } } },
                  { engagement: { ...LIVE_ENGAGEMENT, members: { some: { userId: scope.userId, role: 'client' as const } } }, OR: [{ deliverable: null }, { deliverable: { status: 'approved' as const } }] },
                ],
              }
            : { engagement: engagements },
        ],
      },
      select: { id: true, titleZh: true, titleEn: true, formData: true, stage: { select: { titleZh: true, titleEn: true } }, community: { select: { name: true } }, engagement: engagementRef },
      orderBy: { completedAt: 'desc' },
      take: PER_KIND,
    }),
    // Deliverables a partner has in hand: the task's due date is when the approval is needed.
    db.deliverable.findMany({
      where: { engagement: partnerOf, status: 'submitted', requiresReview: true },
      select: { id: true, titleZh: true, titleEn: true, currentRevision: true, task: { select: { id: true, dueDate: true, assignee: { select: { displayName: true } } } }, engagement: engagementRef },
      orderBy: { task: { dueDate: 'asc' } },
      take: PER_KIND,
    }),
    db.consultation.findMany({
      where: {
        engagement: engagements,
        concludedAt: null,
        withdrawnAt: null,
        // One's own: asked for an opinion, opened it, or the partner who concludes.
        ...(own
          ? { OR: [{ invitees: { some: { userId: scope.userId } } }, { requestedById: scope.userId }, { engagement: { members: { some: { userId: scope.userId, role: 'partner' } } } }] }
          : {}),
      },
      select: { id: true, topic: true, dueOn: true, invitees: { select: { userId: true } }, opinions: { select: { authorId: true } }, engagement: engagementRef },
      orderBy: { dueOn: 'asc' },
      take: PER_KIND,
    }),
    db.conventionAdoption.findMany({
      where: { engagement: engagements, withdrawnAt: null },
      select: {
        id: true,
        title: true,
        instrument: true,
        noticeFrom: true,
        noticeTo: true,
        noticeLocation: true,
        noticeRound: true,
        community: { select: { name: true } },
        meetings: { select: { id: true, position: true, heldOn: true, explanationZh: true, explanationEn: true, verdict: true } },
        engagement: engagementRef,
      },
      orderBy: { noticeFrom: 'desc' },
      take: PER_KIND,
    }),
    // Field-research records are the firm's working papers: not in a client contact's calendar.
    db.researchSession.findMany({
      where: { engagement: own ? { ...LIVE_ENGAGEMENT, members: { some: { userId: scope.userId, role: { not: 'client' } } } } : engagements },
      select: { id: true, kind: true, heldOn: true, place: true, participants: true, community: { select: { name: true } }, engagement: engagementRef },
      orderBy: { heldOn: 'desc' },
      take: PER_KIND,
    }),
    // Problem cases' step deadlines: the engagement's calendar, or a person's as its PM.
    db.problemCase.findMany({
      where: {
        status: 'open',
        engagement: own ? { ...LIVE_ENGAGEMENT, members: { some: { userId: scope.userId, role: 'pm' } } } : engagements,
      },
      select: { id: true, title: true, place: true, step: true, dueOn: true, supervision: true, community: { select: { name: true } }, engagement: engagementRef },
      orderBy: { dueOn: 'asc' },
      take: PER_KIND,
    }),
  ]);
  const events = held.flatMap(({ formData, ...task }) => {
    const heldOn = heldOnOf(formData);
    return heldOn ? [{ ...task, heldOn }] : [];
  });
  return { tasks, events, awaitingReview, consultations, adoptions, sessions, cases };
}

export type CalendarSource = Awaited<ReturnType<typeof loadCalendarSource>>;
