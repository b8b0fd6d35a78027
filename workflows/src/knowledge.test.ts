// The engagement's copy of the knowledge base is engagement state: its workflow takes it at
// creation, adapts it, takes newer master versions, and tells the PM when the master moves on.
import { type KnowledgeContent } from '@gongzhi/domain';
import { findEngagementKnowledge, findKnowledgeEntry, listEngagementKnowledge, reviseKnowledgeEntry } from '@gongzhi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { refusalOf } from './testing/refusals';
import { createTestEngine, engagementRequest, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

describe("an engagement's knowledge base", () => {
  it('is copied at creation, adapted through the workflow, and told of master changes', async () => {
    const { engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const rows = await listEngagementKnowledge(engine.db, engagementId);
    expect(rows.length).toBeGreaterThan(90);
    expect(rows.every((row) => row.state === 'current')).toBe(true);

    const master = (await findKnowledgeEntry(engine.db, 'violation', 'illegal-construction'))!;
    const content = master.content as KnowledgeContent<'violation'>;
    const local = { ...content, cooperatingDepartments: [...content.cooperatingDepartments, '朝阳区城市管理委员会'] };
    const adapted = await engine.engagements.adaptKnowledge(engagementId, { actorId: engine.team.pm, kind: 'violation', key: master.key, content: local, reason: '本区由区城管委牵头协调' });
    expect(adapted).toEqual({ entryId: master.id, baseVersion: master.version });
    const copy = await findEngagementKnowledge(engine.db, engagementId, 'violation', master.key);
    expect((copy!.content as KnowledgeContent<'violation'>).cooperatingDepartments).toContain('朝阳区城市管理委员会');
    expect(await engine.db.auditEvent.count({ where: { engagementId, action: 'knowledge.adapted' } })).toBe(1);

    // Refused before anything is written: bad content, a changed key, an entry nobody has.
    const invalid = await refusalOf(engine.engagements.adaptKnowledge(engagementId, { actorId: engine.team.pm, kind: 'violation', key: master.key, content: { ...local, title: '' }, reason: '测试' }));
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.fieldErrors[0]).toMatchObject({ field: 'content' });
    const renamed = await refusalOf(engine.engagements.adaptKnowledge(engagementId, { actorId: engine.team.pm, kind: 'violation', key: master.key, content: { ...local, key: 'renamed' }, reason: '测试' }));
    expect(renamed.code).toBe('validation_failed');
    const dangling = await refusalOf(
      engine.engagements.adaptKnowledge(engagementId, { actorId: engine.team.pm, kind: 'violation', key: master.key, content: { ...local, prohibitions: [{ lawKey: 'no-such-law', article: 3 }] }, reason: '测试' }),
    );
    expect(dangling.code).toBe('validation_failed');
    const missing = await refusalOf(
      engine.engagements.adaptKnowledge(engagementId, { actorId: engine.team.pm, kind: 'template', key: 'no-such-template', content: { key: 'no-such-template', title: '无', purpose: '无', requiredElements: ['无'], legalBasis: [], unverified: false }, reason: '测试' }),
    );
    expect(missing.code).toBe('unknown_knowledge_entry');

    // The master moves on: the PM is told, the copy stays until taken.
    const revised = await reviseKnowledgeEntry(engine.db, { kind: 'violation', key: master.key, expectedVersion: master.version, content: { ...content, notes: '2026年11月复核：执法主体以区政府公告为准。' }, reason: '补充说明', authorId: engine.adminId });
    if ('refused' in revised) throw new Error(`revision refused: ${revised.refused}`);
    expect(revised.engagementsToTell).toEqual([engagementId]);
    expect(await engine.engagements.announceKnowledgeChange(revised.engagementsToTell, { entryId: master.id, kind: 'violation', key: master.key, title: master.title, version: revised.version, reason: '补充说明' })).toBe(1);
    const notice = await waitFor(
      () => engine.db.notification.findMany({ where: { engagementId, kind: 'knowledge_changed' } }),
      (found) => found.length > 0,
      30_000,
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ userId: engine.team.pm, payload: { key: master.key, version: revised.version } });
    expect((await listEngagementKnowledge(engine.db, engagementId)).find((row) => row.key === master.key)).toMatchObject({ state: 'behind' });

    const taken = await engine.engagements.takeKnowledge(engagementId, { actorId: engine.team.pm, entryIds: [master.id], keepAdaptation: false });
    expect(taken.taken).toEqual([{ entryId: master.id, from: master.version, to: revised.version }]);
    const after = await findEngagementKnowledge(engine.db, engagementId, 'violation', master.key);
    expect(after!.copy!.adaptedContent).toBeNull();
    expect((after!.content as KnowledgeContent<'violation'>).notes).toContain('复核');

    // A cancelled engagement's copy is as it was left.
    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm, reason: '测试结束' });
    const closed = await refusalOf(engine.engagements.takeKnowledge(engagementId, { actorId: engine.team.pm, entryIds: 'all', keepAdaptation: true }));
    expect(closed.code).toBe('engagement_not_running');
  });
});
