import { randomUUID } from 'node:crypto';
import { type KnowledgeContent, knowledgeSeed } from '@gongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type Db, withTransaction } from './client';
import { toDbDate } from './dates';
import {
  adaptKnowledge,
  createKnowledgeEntry,
  findEngagementKnowledge,
  findKnowledgeEntry,
  importBuiltInKnowledge,
  listEngagementKnowledge,
  listKnowledge,
  listKnowledgeVersions,
  loadEngagementKnowledge,
  loadMasterKnowledge,
  reviseKnowledgeEntry,
  takeKnowledge,
} from './knowledge';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
let db: Db;
let editorId: string;

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseServerUrl'));
  db = database.db;
  editorId = (await db.user.create({ data: { username: `pm-${randomUUID().slice(0, 8)}`, displayName: '李建国', passwordHash: 'scrypt$test', roles: ['pm'] } })).id;
});
afterAll(async () => {
  await database?.drop();
});

async function createEngagement(status: 'running' | 'completed' = 'running') {
  const id = randomUUID();
  await db.engagement.create({
    data: {
      id,
      name: '朝阳区某街道创新社区治理',
      clientName: '某街道办事处',
      clientKind: 'street',
      templateKey: 'community-governance',
      templateVersion: 1,
      startDate: toDbDate('2026-03-02'),
      workflowId: `engagement-${id}`,
      plan: {},
      status,
      createdById: editorId,
    },
  });
  return id;
}

async function violation(key: string) {
  const entry = await findKnowledgeEntry(db, 'violation', key);
  if (!entry) throw new Error(`no violation ${key}`);
  return { entry, content: entry.content as KnowledgeContent<'violation'> };
}

describe('the knowledge base in the database', () => {
  const seed = knowledgeSeed();
  const firstViolation = seed.violations[0]!;

  it('imports the built-in knowledge base once, whoever boots first', async () => {
    const results = await Promise.all([importBuiltInKnowledge(db), importBuiltInKnowledge(db), importBuiltInKnowledge(db)]);
    const total = seed.sources.length + seed.laws.length + seed.violations.length + seed.powers.length + seed.templates.length;
    expect(results.reduce((sum, result) => sum + result.created, 0)).toBe(total);
    expect(await db.knowledgeEntry.count()).toBe(total);
    expect(await db.knowledgeVersion.count()).toBe(total);
    expect(await importBuiltInKnowledge(db)).toMatchObject({ created: 0, updated: 0 });
    const master = await loadMasterKnowledge(db);
    expect(master.violations.map((entry) => entry.no)).toEqual(seed.violations.map((entry) => entry.no));
  });

  it('finds entries by Chinese words anywhere in their text, through the index', async () => {
    const { rows, total } = await listKnowledge(db, { query: '疏散通道', limit: 50, offset: 0 });
    expect(total).toBeGreaterThan(0);
    expect(rows.some((row) => row.kind === 'violation')).toBe(true);
    // A title holding the words comes first.
    expect(rows[0]!.title).toContain('疏散通道');
    // Pairs must stand together: 消防通道 is not 消防车通道.
    expect((await listKnowledge(db, { query: '防车通', limit: 50, offset: 0 })).rows.map((row) => row.title)).toContain('占用、堵塞消防车通道、疏散通道');
    expect((await listKnowledge(db, { query: '不存在的词语组合', limit: 50, offset: 0 })).total).toBe(0);
    expect((await listKnowledge(db, { query: '！？', limit: 50, offset: 0 })).total).toBe(0);
    // Filters combine with the query.
    const laws = await listKnowledge(db, { kind: 'law', query: '物业', limit: 50, offset: 0 });
    expect(laws.rows.length).toBeGreaterThan(0);
    expect(laws.rows.every((row) => row.kind === 'law')).toBe(true);
    const unverified = await listKnowledge(db, { kind: 'violation', unverified: true, limit: 50, offset: 0 });
    expect(unverified.rows.every((row) => row.unverified)).toBe(true);
    expect(unverified.total).toBe(seed.violations.filter((entry) => entry.unverified).length);

    const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT id FROM knowledge_entry WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', '消防 & 防通')`,
    );
    await db.$executeRawUnsafe('SET enable_seqscan = off');
    const forced = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT id FROM knowledge_entry WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', '消防 & 防通')`,
    );
    await db.$executeRawUnsafe('SET enable_seqscan = on');
    expect(plan.length).toBeGreaterThan(0);
    expect(forced.map((row) => row['QUERY PLAN']).join('\n')).toContain('knowledge_entry_search_idx');
  });

  it('versions every edit with its author and reason, and refuses a stale one', async () => {
    const { entry, content } = await violation(firstViolation.key);
    const edited = { ...content, penaltySummary: `${content.penaltySummary}（经律师复核）` };
    const result = await reviseKnowledgeEntry(db, { kind: 'violation', key: entry.key, expectedVersion: entry.version, content: edited, reason: '复核罚则表述', authorId: editorId });
    expect(result).toMatchObject({ version: entry.version + 1 });
    const stale = await reviseKnowledgeEntry(db, { kind: 'violation', key: entry.key, expectedVersion: entry.version, content: edited, reason: '重复提交', authorId: editorId });
    expect(stale).toEqual({ refused: 'version_conflict', currentVersion: entry.version + 1 });
    const versions = await listKnowledgeVersions(db, entry.id);
    expect(versions.map((version) => version.version)).toEqual([entry.version + 1, entry.version]);
    expect(versions[0]).toMatchObject({ reason: '复核罚则表述', author: { displayName: '李建国' } });
    expect(versions[1]!.reason).toMatch(/^内置知识库 /);
    // Versions are kept as written.
    await expect(db.knowledgeVersion.update({ where: { id: versions[1]!.id }, data: { reason: '改写历史' } })).rejects.toThrow();
    await expect(db.knowledgeVersion.delete({ where: { id: versions[1]!.id } })).rejects.toThrow();
    // A release changes two built-in items: the one nobody edited takes the new text, the
    // person's edit stands (and is reported once).
    const release = knowledgeSeed();
    release.violations[0]!.notes = '新版内置说明';
    release.violations[1]!.notes = '新版内置说明';
    const second = (await violation(release.violations[1]!.key)).entry;
    expect(await importBuiltInKnowledge(db, release)).toMatchObject({ updated: 1, keptEdited: [`violation:${entry.key}`] });
    expect((await violation(firstViolation.key)).content.penaltySummary).toContain('经律师复核');
    expect(await violation(release.violations[1]!.key)).toMatchObject({ entry: { version: second.version + 1 }, content: { notes: '新版内置说明' } });
    expect(await importBuiltInKnowledge(db, release)).toMatchObject({ created: 0, updated: 0, keptEdited: [] });
  });

  it('refuses content that breaks the knowledge base: bad shape, a changed key, a law nobody has', async () => {
    const { entry, content } = await violation(firstViolation.key);
    const base = { kind: 'violation' as const, key: entry.key, expectedVersion: entry.version, reason: '测试', authorId: editorId };
    expect(await reviseKnowledgeEntry(db, { ...base, content: { ...content, title: '' } })).toMatchObject({ refused: 'invalid' });
    expect(await reviseKnowledgeEntry(db, { ...base, content: { ...content, key: 'another-key' } })).toEqual({ refused: 'key_changed' });
    const dangling = { ...content, prohibitions: [{ lawKey: 'no-such-law', article: 1 }] };
    const refused = await reviseKnowledgeEntry(db, { ...base, content: dangling });
    expect(refused).toMatchObject({ refused: 'inconsistent' });
    expect((await violation(firstViolation.key)).entry.version).toBe(entry.version);
    expect(await createKnowledgeEntry(db, { kind: 'violation', content, reason: '重复', authorId: editorId })).toEqual({ refused: 'exists' });
  });

  it('gives each engagement a copy it can adapt, and tells it when the master moves on', async () => {
    const engagementId = await createEngagement();
    const closed = await createEngagement('completed');
    await withTransaction(db, (tx) => takeKnowledge(tx, { engagementId, entryIds: 'all', keepAdaptation: false }));
    await withTransaction(db, (tx) => takeKnowledge(tx, { engagementId: closed, entryIds: 'all', keepAdaptation: false }));
    const rows = await listEngagementKnowledge(db, engagementId);
    expect(rows.every((row) => row.state === 'current')).toBe(true);

    // The engagement adapts an item to its district; the master does not change.
    const { entry, content } = await violation(firstViolation.key);
    const local = { ...content, cooperatingDepartments: [...content.cooperatingDepartments, '朝阳区城市管理委员会'] };
    const adapted = await withTransaction(db, (tx) =>
      adaptKnowledge(tx, { engagementId, kind: 'violation', key: entry.key, content: local, reason: '本区由区城管委牵头', actorId: editorId, at: new Date() }),
    );
    expect(adapted).toMatchObject({ baseVersion: entry.version });
    expect((await violation(firstViolation.key)).content.cooperatingDepartments).not.toContain('朝阳区城市管理委员会');
    const copy = await findEngagementKnowledge(db, engagementId, 'violation', entry.key);
    expect((copy!.content as KnowledgeContent<'violation'>).cooperatingDepartments).toContain('朝阳区城市管理委员会');
    expect((await loadEngagementKnowledge(db, engagementId)).violations[0]!.cooperatingDepartments).toContain('朝阳区城市管理委员会');

    // The master changes: running engagements with an older copy are named, closed ones are not.
    const revised = await reviseKnowledgeEntry(db, {
      kind: 'violation',
      key: entry.key,
      expectedVersion: entry.version,
      content: { ...content, notes: '2026年11月律师复核：执法主体以区政府公告为准。' },
      reason: '补充执法主体说明',
      authorId: editorId,
    });
    expect(revised).toMatchObject({ engagementsToTell: [engagementId] });
    const behind = (await listEngagementKnowledge(db, engagementId)).find((row) => row.key === entry.key)!;
    expect(behind).toMatchObject({ state: 'behind', baseVersion: entry.version, masterVersion: entry.version + 1, adapted: { reason: '本区由区城管委牵头' } });

    // Keeping the adaptation only marks the new version seen; taking the master replaces it.
    await withTransaction(db, (tx) => takeKnowledge(tx, { engagementId, entryIds: [entry.id], keepAdaptation: true }));
    expect((await listEngagementKnowledge(db, engagementId)).find((row) => row.key === entry.key)).toMatchObject({ state: 'current', adapted: { reason: '本区由区城管委牵头' } });
    await withTransaction(db, (tx) => takeKnowledge(tx, { engagementId, entryIds: [entry.id], keepAdaptation: false }));
    const taken = await findEngagementKnowledge(db, engagementId, 'violation', entry.key);
    expect(taken!.copy!.adaptedContent).toBeNull();
    expect((taken!.content as KnowledgeContent<'violation'>).notes).toContain('律师复核');

    // A new master entry is offered to the engagement, not pushed into it.
    const newEntry = await createKnowledgeEntry(db, {
      kind: 'template',
      content: { key: 'on-site-photo-record', title: '现场照片记录表', purpose: '固定现场检查时的影像证据。', requiredElements: ['拍摄时间', '拍摄地点', '拍摄人'], legalBasis: [], unverified: false },
      reason: '新增文书模板',
      authorId: editorId,
    });
    expect(newEntry).toMatchObject({ version: 1 });
    const offered = (await listEngagementKnowledge(db, engagementId, { kind: 'template' })).find((row) => row.key === 'on-site-photo-record');
    expect(offered).toMatchObject({ state: 'not_taken', baseVersion: null });
    expect((await loadEngagementKnowledge(db, engagementId)).templates.some((template) => template.key === 'on-site-photo-record')).toBe(false);
  });
});
