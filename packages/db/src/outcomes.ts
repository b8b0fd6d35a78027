import {
  caseFigures,
  type EngagementOutcomes,
  evaluateResidentsMeeting,
  parseEngagementPlan,
  workLogTotals,
  type CivilDate,
  civilDateAt,
  daysBetween,
  type EngagementPlan,
  happenedOn,
  hotlineBeforeAfter,
  OUTCOME_EVENT_KINDS,
  type OutcomeEventKind,
  type OutcomeFacts,
  TIERS,
} from '@gongzhi/domain';
import { caseFigureInputs } from './cases';
import { type DbClient } from './client';
import { loadHotlineFigures } from './hotline';
import { groupWorkLog } from './work-log';

type Form = Record<string, unknown>;
/** A completed task's form as stored (an object, or nothing). */
export const formOf = (formData: unknown): Form => (formData && typeof formData === 'object' ? (formData as Form) : {});
export const numberIn = (form: Form, key: string): number => (typeof form[key] === 'number' ? (form[key] as number) : 0);
export const textIn = (form: Form, key: string): string | undefined => (typeof form[key] === 'string' && (form[key] as string).trim() !== '' ? (form[key] as string).trim() : undefined);
/** When the work happened: its form's 举办日期 (or 会谈日期, 签订日期…) when it has one, else the day the task was completed. */
export const heldOn = (form: Form, completedAt: Date | null, fallback: CivilDate): CivilDate => happenedOn(form) ?? (completedAt ? civilDateAt(completedAt) : fallback);

const isEventKind = (key: string): key is OutcomeEventKind => (OUTCOME_EVENT_KINDS as readonly string[]).includes(key);

/**
 * What the engagement achieved, from its own records: each community's vote on its convention and
 * its 备案 (the completed tasks' forms), the trainings and promotion events with their attendance,
 * the households publicity reached, the cases by tier (each counted once), the 德治典型 and the
 * 12345 before and after (a synthetic extract marked). The outcomes page, its report and the
 * 项目总结报告 read the same facts.
 */
export async function loadOutcomeFacts(db: DbClient, engagementId: string, plan: Pick<EngagementPlan, 'communities'>, today: CivilDate): Promise<OutcomeFacts> {
  const communityName = (key: string | null) => (key ? (plan.communities.find((community) => community.key === key)?.name ?? key) : '');
  const done = await db.task.findMany({
    where: { engagementId, status: 'done' },
    select: { templateTaskKey: true, communityKey: true, formData: true, completedAt: true },
    orderBy: [{ completedAt: 'asc' }, { key: 'asc' }],
  });
  const ofKind = (key: string) => done.filter((task) => task.templateTaskKey === key);

  const filings = new Map(
    ofKind('convention-filing').map((task) => {
      const form = formOf(task.formData);
      return [task.communityKey, { filingNo: textIn(form, 'filingNo') ?? null, filedOn: heldOn(form, task.completedAt, today) }] as const;
    }),
  );
  const conventions = ofKind('residents-meeting-vote').map((task) => {
    const form = formOf(task.formData);
    const filing = filings.get(task.communityKey);
    return {
      communityKey: task.communityKey,
      community: communityName(task.communityKey),
      adoptedOn: heldOn(form, task.completedAt, today),
      eligible: numberIn(form, 'eligible'),
      attendees: numberIn(form, 'attendees'),
      votesFor: numberIn(form, 'votesFor'),
      votesAgainst: numberIn(form, 'votesAgainst'),
      abstentions: numberIn(form, 'abstentions'),
      filingNo: filing?.filingNo ?? null,
      filedOn: filing?.filedOn ?? null,
    };
  });

  const trainings = ofKind('deliver-training').map((task) => {
    const form = formOf(task.formData);
    return { date: heldOn(form, task.completedAt, today), attendance: numberIn(form, 'governmentAttendees') + numberIn(form, 'committeeAttendees') };
  });

  const events = done
    .filter((task) => isEventKind(task.templateTaskKey))
    .map((task) => {
      const form = formOf(task.formData);
      return {
        date: heldOn(form, task.completedAt, today),
        communityKey: task.communityKey,
        community: communityName(task.communityKey),
        kind: task.templateTaskKey as OutcomeEventKind,
        theme: textIn(form, 'theme') ?? null,
        participants: numberIn(form, 'participants'),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));

  const householdsReached = ofKind('publicity').reduce((sum, task) => sum + numberIn(formOf(task.formData), 'householdsReached'), 0);

  const caseInputs = await caseFigureInputs(db, engagementId);
  const figures = caseFigures(caseInputs, plan.communities.map((community) => community.name)).overall;
  const tiers = TIERS.filter((tier) => figures.tiers[tier].reached > 0).map((tier) => {
    const days = caseInputs.filter((item) => item.resolvedTier === tier && item.resolvedOn).map((item) => daysBetween(item.reportedOn, item.resolvedOn!));
    return { tier, reached: figures.tiers[tier].reached, resolved: figures.tiers[tier].resolved, averageDays: days.length > 0 ? days.reduce((sum, value) => sum + value, 0) / days.length : null };
  });

  const [modelHouseholds, ticketCount] = await Promise.all([db.modelHousehold.count({ where: { engagementId, withdrawnAt: null } }), db.hotlineTicket.count({ where: { engagementId } })]);
  let hotline: OutcomeFacts['hotline'] = null;
  if (ticketCount > 0) {
    const hotlineFigures = await loadHotlineFigures(db, engagementId);
    const compared = hotlineBeforeAfter(hotlineFigures);
    if (compared) hotline = { ...compared, unverified: hotlineFigures.synthetic };
  }

  return { conventions, trainings, events, householdsReached, cases: { reported: figures.reported, resolved: figures.resolved, tiers }, modelHouseholds, hotline };
}

/**
 * The engagement's outcomes as of `asOf`: the facts above with the approved deliverables (on the
 * day of the partner's latest approval), the joint mechanism's departments and those consulted,
 * each vote's Art. 9 validity recomputed, the logged service (standing entries) and the concluded 会诊.
 */
export async function loadEngagementOutcomes(db: DbClient, engagementId: string, asOf: CivilDate): Promise<EngagementOutcomes> {
  const engagement = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { plan: true } });
  const plan = parseEngagementPlan(engagement.plan);
  const place = (key: string | null) => {
    const community = key ? plan.communities.find((candidate) => candidate.key === key) : undefined;
    return community ? { key: community.key, name: community.name } : null;
  };
  const [facts, deliverables, consulted, groups, consultations] = await Promise.all([
    loadOutcomeFacts(db, engagementId, plan, asOf),
    db.deliverable.findMany({ where: { engagementId }, select: { id: true, status: true, titleZh: true, titleEn: true, updatedAt: true, task: { select: { communityKey: true } } } }),
    db.task.findMany({ where: { engagementId, templateTaskKey: 'department-consultation', status: 'done' }, select: { departmentKey: true } }),
    groupWorkLog(db, engagementId, {}),
    db.consultation.count({ where: { engagementId, concludedAt: { not: null } } }),
  ]);
  const approvals = await db.review.findMany({
    where: { deliverableId: { in: deliverables.filter((deliverable) => deliverable.status === 'approved').map((deliverable) => deliverable.id) }, decision: 'approved' },
    select: { deliverableId: true, createdAt: true },
  });
  const approvedAt = new Map<string, Date>();
  for (const review of approvals) if ((approvedAt.get(review.deliverableId) ?? new Date(0)) < review.createdAt) approvedAt.set(review.deliverableId, review.createdAt);
  const approved = deliverables
    .filter((deliverable) => deliverable.status === 'approved')
    .map((deliverable) => ({
      title: { zh: deliverable.titleZh, en: deliverable.titleEn },
      community: place(deliverable.task.communityKey),
      approvedOn: civilDateAt(approvedAt.get(deliverable.id) ?? deliverable.updatedAt),
    }))
    .sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.title.zh.localeCompare(b.title.zh, 'zh-CN'));
  const consultedKeys = new Set(consulted.map((task) => task.departmentKey));
  const service = workLogTotals(groups);
  return {
    engagementId,
    asOf,
    communities: plan.communities.map((community) => ({ key: community.key, name: community.name })),
    deliverables: { approved: approved.length, total: deliverables.length, items: approved },
    departments: {
      inMechanism: plan.departments.map((department) => ({ key: department.key, name: department.name })),
      consulted: plan.departments.filter((department) => consultedKeys.has(department.key)).map((department) => ({ key: department.key, name: department.name })),
    },
    conventions: facts.conventions.map(({ communityKey, community: _name, ...vote }) => ({ community: place(communityKey), ...vote, valid: evaluateResidentsMeeting(vote).passed })),
    trainings: { sessions: facts.trainings.length, attendance: facts.trainings.reduce((sum, training) => sum + training.attendance, 0) },
    events: {
      held: facts.events.length,
      participants: facts.events.reduce((sum, event) => sum + event.participants, 0),
      householdsReached: facts.householdsReached,
      items: facts.events.map((event) => ({ date: event.date, community: place(event.communityKey), kind: event.kind, theme: event.theme, participants: event.participants })),
    },
    cases: { ...facts.cases, modelHouseholds: facts.modelHouseholds },
    hotline: facts.hotline,
    service: { entries: service.entries, minutes: service.minutes, consultations },
  };
}
