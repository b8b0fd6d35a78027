import { canonicalHotlineMapping, type HotlineCampaign, type HotlineCount, type HotlineFigures, hotlineFigures, type HotlineMapping, type HotlineTicket } from '@gongzhi/domain';
import { type DbClient, type DbTransaction, lockEngagement } from './client';
import { fromDbDate } from './dates';
import { type Prisma } from './generated/prisma/client';
import { caseFigureInputs } from './cases';
import { loadEngagementKnowledge } from './knowledge';

/**
 * The street's 12345 ticket extracts (HotlineImport, HotlineTicket) and what the comparison needs
 * beside them (HotlineSettings). Engagement state: written only by the hotline workflow
 * (`hotline-<engagement id>`, through its activities); the API reads through the finders.
 */

const json = (value: unknown) => value as Prisma.InputJsonValue;

export interface StagedHotlineImport {
  id: string;
  engagementId: string;
  month: string;
  fileName: string;
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  format: string;
  headers: string[];
  sample: string[][];
  rowCount: number;
  suggestedMapping: HotlineMapping;
  stagedById: string;
  requestKey: string | null;
  requestHash: string | null;
}

const importSelect = {
  id: true,
  month: true,
  status: true,
  fileName: true,
  sha256: true,
  sizeBytes: true,
  format: true,
  headers: true,
  sample: true,
  rowCount: true,
  suggestedMapping: true,
  mapping: true,
  ticketCount: true,
  stagedAt: true,
  importedAt: true,
  requestHash: true,
  stagedBy: { select: { id: true, displayName: true } },
  importedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.HotlineImportSelect;

export type HotlineImportRecord = Prisma.HotlineImportGetPayload<{ select: typeof importSelect }>;

/** Records a read file as staged; a retried attempt (or a retried request with the same key) finds the row it wrote. */
export async function stageHotlineImportRecord(tx: DbTransaction, staged: StagedHotlineImport, at: Date): Promise<{ refused: 'engagement_not_running' } | { id: string }> {
  const status = await lockEngagement(tx, staged.engagementId);
  if (status === null || status === 'cancelled') return { refused: 'engagement_not_running' };
  if (staged.requestKey) {
    const earlier = await tx.hotlineImport.findUnique({ where: { engagementId_requestKey: { engagementId: staged.engagementId, requestKey: staged.requestKey } }, select: { id: true } });
    if (earlier) return earlier;
  }
  if (await tx.hotlineImport.count({ where: { id: staged.id } })) return { id: staged.id };
  const { headers, sample, suggestedMapping, ...rest } = staged;
  await tx.hotlineImport.create({ data: { ...rest, status: 'staged', headers: json(headers), sample: json(sample), suggestedMapping: json(suggestedMapping), stagedAt: at } });
  return { id: staged.id };
}

export type HotlineCommitRefusal =
  | { refused: 'not_found' }
  | { refused: 'engagement_not_running' }
  | { refused: 'not_staged'; status: string }
  | { refused: 'imported_other_mapping' }
  | { refused: 'newer_import' }
  | { refused: 'ticket_conflicts'; tickets: { ticketId: string; month: string }[] };

/**
 * Imports a staged file's tickets as its month's: the month's earlier tickets go and its earlier
 * import is superseded, in the caller's transaction, so the month is either wholly the old extract or
 * wholly the new one. A ticket id already imported for another month is refused (an extract of the
 * wrong month). A retried attempt finds the import done and answers what it did.
 */
export async function commitHotlineImportRecord(
  tx: DbTransaction,
  input: { engagementId: string; importId: string; mapping: HotlineMapping; tickets: HotlineTicket[]; actorId: string; at: Date },
): Promise<HotlineCommitRefusal | { ticketCount: number; replaced: number; already: boolean }> {
  const { engagementId, importId, tickets, at } = input;
  const status = await lockEngagement(tx, engagementId);
  if (status === null) return { refused: 'not_found' };
  const row = await tx.hotlineImport.findFirst({ where: { id: importId, engagementId }, select: { month: true, status: true, ticketCount: true, mapping: true, stagedAt: true } });
  if (!row) return { refused: 'not_found' };
  const mapping = canonicalHotlineMapping(input.mapping);
  if (row.status === 'imported') {
    // Done already (a retried attempt, a repeated request): the same answer; with another mapping, a new upload.
    const same = JSON.stringify(canonicalHotlineMapping((row.mapping ?? {}) as HotlineMapping)) === JSON.stringify(mapping);
    return same ? { ticketCount: row.ticketCount ?? 0, replaced: 0, already: true } : { refused: 'imported_other_mapping' };
  }
  if (row.status !== 'staged') return { refused: 'not_staged', status: row.status };
  if (status === 'cancelled') return { refused: 'engagement_not_running' };
  // An older upload of the month never replaces a newer one already imported.
  if (await tx.hotlineImport.count({ where: { engagementId, month: row.month, status: 'imported', stagedAt: { gt: row.stagedAt } } })) return { refused: 'newer_import' };

  const ids = tickets.map((ticket) => ticket.ticketId);
  // One array parameter, whatever the month's size (an IN list of tens of thousands of ids is not).
  const conflicts = await tx.$queryRaw<{ ticketId: string; month: string }[]>`
    select ticket_id as "ticketId", month from hotline_ticket
    where engagement_id = ${engagementId}::uuid and month <> ${row.month} and ticket_id = any(${ids}::text[])
    order by ticket_id limit 50`;
  if (conflicts.length > 0) return { refused: 'ticket_conflicts', tickets: conflicts };

  const { count: replaced } = await tx.hotlineTicket.deleteMany({ where: { engagementId, month: row.month } });
  await tx.hotlineImport.updateMany({ where: { engagementId, month: row.month, status: 'imported' }, data: { status: 'superseded' } });
  for (let start = 0; start < tickets.length; start += 2000) {
    await tx.hotlineTicket.createMany({
      data: tickets.slice(start, start + 2000).map((ticket) => ({ ...ticket, engagementId, month: row.month, importId, receivedAt: new Date(ticket.receivedAt) })),
    });
  }
  await tx.hotlineImport.update({ where: { id: importId }, data: { status: 'imported', mapping: json(mapping), ticketCount: tickets.length, importedById: input.actorId, importedAt: at } });
  return { ticketCount: tickets.length, replaced, already: false };
}

export const findHotlineImport = (db: DbClient | DbTransaction, engagementId: string, importId: string) =>
  db.hotlineImport.findFirst({ where: { id: importId, engagementId }, select: { ...importSelect, storageKey: true, engagement: { select: { status: true } } } });

/** Newest first; staged imports older than a day that nobody committed are still listed, to be committed or replaced. */
export const listHotlineImports = (db: DbClient, engagementId: string) =>
  db.hotlineImport.findMany({ where: { engagementId }, select: importSelect, orderBy: [{ month: 'desc' }, { stagedAt: 'desc' }], take: 500 });

/** The engagement's tickets counted by month, community and category, with the 三率 answers. */
export async function hotlineCounts(db: DbClient, engagementId: string): Promise<HotlineCount[]> {
  const rows = await db.$queryRaw<
    { month: string; community: string | null; category: string; tickets: number; responded: number; responded_of: number; resolved: number; resolved_of: number; satisfied: number; satisfied_of: number }[]
  >`select month, community, category, count(*)::int as tickets,
      count(*) filter (where responded)::int as responded, count(responded)::int as responded_of,
      count(*) filter (where resolved)::int as resolved, count(resolved)::int as resolved_of,
      count(*) filter (where satisfaction = 'satisfied')::int as satisfied, count(satisfaction)::int as satisfied_of
    from hotline_ticket where engagement_id = ${engagementId}::uuid group by month, community, category`;
  return rows.map((row) => ({
    month: row.month,
    community: row.community,
    category: row.category,
    tickets: row.tickets,
    responded: row.responded,
    respondedOf: row.responded_of,
    resolved: row.resolved,
    resolvedOf: row.resolved_of,
    satisfied: row.satisfied,
    satisfiedOf: row.satisfied_of,
  }));
}

export async function importedHotlineMonths(db: DbClient, engagementId: string): Promise<string[]> {
  const rows = await db.hotlineImport.findMany({ where: { engagementId, status: 'imported' }, select: { month: true }, distinct: ['month'], orderBy: { month: 'asc' } });
  return rows.map((row) => row.month);
}

export interface HotlineSettingsValue {
  communities: { name: string; households: number }[];
  campaigns: HotlineCampaign[];
}

export async function findHotlineSettings(db: DbClient | DbTransaction, engagementId: string) {
  const row = await db.hotlineSettings.findUnique({ where: { engagementId }, select: { communities: true, campaigns: true, version: true, updatedAt: true, updatedBy: { select: { id: true, displayName: true } } } });
  return row ? { ...row, communities: row.communities as unknown as HotlineSettingsValue['communities'], campaigns: row.campaigns as unknown as HotlineCampaign[] } : null;
}

export async function saveHotlineSettingsRecord(
  tx: DbTransaction,
  input: { engagementId: string; value: HotlineSettingsValue; expectedVersion: number; actorId: string; at: Date },
): Promise<{ refused: 'engagement_not_running' } | { refused: 'version_conflict'; currentVersion: number } | { version: number; before: HotlineSettingsValue | null }> {
  const { engagementId, value, at } = input;
  const status = await lockEngagement(tx, engagementId);
  if (status === null || status === 'cancelled') return { refused: 'engagement_not_running' };
  const current = await findHotlineSettings(tx, engagementId);
  const currentVersion = current?.version ?? 0;
  if (input.expectedVersion !== currentVersion) return { refused: 'version_conflict', currentVersion };
  const data = { communities: json(value.communities), campaigns: json(value.campaigns), version: currentVersion + 1, updatedById: input.actorId, updatedAt: at };
  await tx.hotlineSettings.upsert({ where: { engagementId }, create: { engagementId, ...data }, update: data });
  return { version: currentVersion + 1, before: current ? { communities: current.communities, campaigns: current.campaigns } : null };
}


/** The names tickets are counted under: the engagement's communities (covered) and the street's others from the settings. */
export async function hotlineCommunityNames(db: DbClient | DbTransaction, engagementId: string): Promise<string[]> {
  const [communities, settings] = await Promise.all([db.community.findMany({ where: { engagementId }, select: { name: true } }), findHotlineSettings(db, engagementId)]);
  return [...communities.map((community) => community.name), ...(settings?.communities ?? []).map((community) => community.name)];
}

/**
 * The engagement's communities with the households the comparison divides by: the community's profile
 * (社区概况) when one is recorded, else the number entered in the 12345 settings, else none.
 */
export async function coveredHouseholds(db: DbClient | DbTransaction, engagementId: string, settings?: HotlineSettingsValue | null) {
  const [communities, saved] = await Promise.all([
    db.community.findMany({ where: { engagementId }, select: { name: true, households: true, profile: { select: { details: true } } }, orderBy: { createdAt: 'asc' } }),
    settings === undefined ? findHotlineSettings(db, engagementId) : Promise.resolve(settings),
  ]);
  const entered = new Map((saved?.communities ?? []).map((community) => [community.name, community.households]));
  return communities.map((community) => {
    const fromProfile = (community.profile?.details as { households?: unknown } | undefined)?.households;
    if (typeof fromProfile === 'number' && fromProfile > 0) return { name: community.name, households: fromProfile, source: 'profile' as const };
    if (community.households) return { name: community.name, households: community.households, source: 'profile' as const };
    const typed = entered.get(community.name);
    return typed ? { name: community.name, households: typed, source: 'settings' as const } : { name: community.name, households: null, source: null };
  });
}

/** The engagement's 12345 comparison (hotlineFigures in @gongzhi/domain) from what is on record now. */
export async function loadHotlineFigures(db: DbClient, engagementId: string): Promise<HotlineFigures & { startMonth: string; clientName: string; engagementName: string; ticketCount: number; synthetic: boolean }> {
  const settings = await findHotlineSettings(db, engagementId);
  const [engagement, communities, counts, months, knowledge, cases, ticketCount, synthetic] = await Promise.all([
    db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { startDate: true, clientName: true, name: true } }),
    coveredHouseholds(db, engagementId, settings),
    hotlineCounts(db, engagementId),
    importedHotlineMonths(db, engagementId),
    loadEngagementKnowledge(db, engagementId),
    caseFigureInputs(db, engagementId),
    db.hotlineTicket.count({ where: { engagementId } }),
    // The demo's extract (and any a person marks so) says 模拟数据 in its file name.
    db.hotlineImport.count({ where: { engagementId, status: 'imported', fileName: { contains: '模拟数据' } } }),
  ]);
  const coveredNames = new Set(communities.map((community) => community.name));
  const startMonth = fromDbDate(engagement.startDate).slice(0, 7);
  const figures = hotlineFigures({
    counts,
    importedMonths: months,
    communities: [
      ...communities.map((community) => ({ name: community.name, households: community.households, covered: true })),
      ...(settings?.communities ?? []).filter((community) => !coveredNames.has(community.name)).map((community) => ({ name: community.name, households: community.households, covered: false })),
    ],
    violations: knowledge.violations.map((violation) => ({ key: violation.key, title: violation.title, unverified: violation.unverified, categories: violation.hotlineCategories })),
    campaigns: settings?.campaigns ?? [],
    startMonth,
    resolvedCases: cases.flatMap((c) => (c.resolvedOn && c.resolvedTier ? [{ month: c.resolvedOn.slice(0, 7), tier: c.resolvedTier }] : [])),
  });
  return { ...figures, startMonth, clientName: engagement.clientName, engagementName: engagement.name, ticketCount, synthetic: synthetic > 0 };
}
