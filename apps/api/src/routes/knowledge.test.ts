// The knowledge base over HTTP: Chinese search, versions with their changes, optimistic
// concurrency, refusals in the user's language — and an engagement's copy, told of a new master
// version, taking it and adapting an entry through its workflow. On the real stack.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi, waitFor } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Entry = { id: string; key: string; title: string; version: number; unverified: boolean; content: Record<string, unknown>; lastChange: { reason: string; author: { displayName: string } | null } };
type Page<T> = { items: T[]; total: number };
type Row = { entryId: string; kind: string; key: string; state: string; baseVersion: number | null; masterVersion: number; adapted: { reason: string | null } | null };

const civilCode = {
  key: 'civil-code',
  title: '中华人民共和国民法典',
  shortName: '民法典',
  issuer: '全国人民代表大会',
  level: '法律',
  version: { label: '2020年通过', adopted: '2020-05-28', effective: '2021-01-01' },
  sourceKeys: ['LRB'],
  unverified: false,
  excerpts: [{ article: 286, summary: '业主大会、业主委员会对违章搭建、侵占通道等行为，有权请求行为人停止侵害。' }],
};

const newRules = {
  key: 'dongcheng-parking-rules',
  title: '东城区居住小区停车管理办法',
  shortName: '东城区停车管理办法',
  issuer: '北京市东城区人民政府',
  level: '规范性文件',
  version: { label: '2026年印发', published: '2026-03-01' },
  sourceKeys: ['S2'],
  unverified: true,
  notes: '文号待核实。',
  excerpts: [{ article: 12, summary: '小区内停车位优先满足业主需要；临时停车收费标准由业主大会决定。' }],
};

describe('the firm knowledge base', () => {
  it('finds entries by Chinese words, titles first, and filters by kind and 待核实', async () => {
    const lawyer = await api.tokenFor('lawyer');
    const found = await api.request(lawyer, { method: 'GET', url: `/api/knowledge?q=${encodeURIComponent('物业管理')}` });
    expect(found.statusCode, found.body).toBe(200);
    const page = found.json<Page<Entry & { kind: string }>>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]!.title).toContain('物业管理');

    const laws = (await api.request(lawyer, { method: 'GET', url: `/api/knowledge?kind=law&pageSize=100` })).json<Page<Entry & { kind: string }>>();
    expect(laws.items.length).toBeGreaterThan(20);
    expect(laws.items.every((item) => item.kind === 'law')).toBe(true);

    const unverified = (await api.request(lawyer, { method: 'GET', url: `/api/knowledge?unverified=true&pageSize=100` })).json<Page<Entry>>();
    expect(unverified.total).toBeGreaterThan(0);
    expect(unverified.items.every((item) => item.unverified)).toBe(true);

    const nothing = (await api.request(lawyer, { method: 'GET', url: `/api/knowledge?q=${encodeURIComponent('量子纠缠')}` })).json<Page<Entry>>();
    expect(nothing.total).toBe(0);
  });

  it('adds an entry, revises it into version 2, shows what changed, and refuses a stale save in Chinese', async () => {
    const pm = await api.sessionFor('pm');
    const created = await api.request(pm, { method: 'POST', url: '/api/knowledge/law', payload: { content: newRules, reason: '东城区项目需要' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Entry>()).toMatchObject({ key: newRules.key, version: 1, unverified: true, lastChange: { reason: '东城区项目需要' } });

    const again = await api.request(pm, { method: 'POST', url: '/api/knowledge/law', payload: { content: newRules, reason: '重复提交' } });
    expect(again.statusCode).toBe(409);

    const revised = { ...newRules, excerpts: [{ article: 12, summary: '小区内停车位优先满足业主需要。' }] };
    const saved = await api.request(pm, { method: 'PUT', url: `/api/knowledge/law/${newRules.key}`, payload: { content: revised, reason: '核对原文后删去收费一句', expectedVersion: 1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Entry>().version).toBe(2);

    const stale = await api.request(pm, { method: 'PUT', url: `/api/knowledge/law/${newRules.key}`, payload: { content: newRules, reason: '另一人的修改', expectedVersion: 1 }, headers: { 'accept-language': 'zh-CN' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { message: string } }>().error.message).toContain('第 2 版');

    const versions = (await api.request(pm, { method: 'GET', url: `/api/knowledge/law/${newRules.key}/versions` })).json<{ items: { version: number; reason: string }[] }>();
    expect(versions.items.map((version) => version.version).sort()).toEqual([1, 2]);

    const detail = await api.request(pm, { method: 'GET', url: `/api/knowledge/law/${newRules.key}/versions/2` });
    expect(detail.statusCode, detail.body).toBe(200);
    const changes = detail.json<{ comparedTo: number; changes: { path: string; before: string | null; after: string | null }[] }>();
    expect(changes.comparedTo).toBe(1);
    expect(changes.changes).toEqual([{ path: 'excerpts[0].summary', before: newRules.excerpts[0]!.summary, after: '小区内停车位优先满足业主需要。' }]);

    const audit = await api.db.auditEvent.findMany({ where: { entityType: 'knowledge_entry', entityId: saved.json<Entry>().id } });
    expect(audit.map((event) => event.action).sort()).toEqual(['knowledge.created', 'knowledge.revised']);
  });

  it('refuses content that does not fit its kind, changes the key or cites an unknown source, and writes nothing', async () => {
    const pm = await api.sessionFor('pm');
    const before = await api.db.knowledgeVersion.count();

    const badLevel = await api.request(pm, { method: 'PUT', url: '/api/knowledge/law/civil-code', payload: { content: { ...civilCode, level: '司法解释' }, reason: '试', expectedVersion: 1 }, headers: { 'accept-language': 'zh-CN' } });
    // Content that does not fit its kind: 422 naming the field, in the user's language.
    expect(badLevel.statusCode, badLevel.body).toBe(422);
    const fields = badLevel.json<{ error: { fieldErrors: { field: string; message: string }[] } }>().error.fieldErrors;
    expect(fields.map((error) => error.field)).toEqual(['content.level']);
    expect(fields.every((error) => /[\u4e00-\u9fff]/.test(error.message))).toBe(true);

    const renamed = await api.request(pm, { method: 'PUT', url: '/api/knowledge/law/civil-code', payload: { content: { ...civilCode, key: 'civil-code-2' }, reason: '试', expectedVersion: 1 } });
    expect(renamed.statusCode, renamed.body).toBe(422);

    const unknownSource = await api.request(pm, { method: 'PUT', url: '/api/knowledge/law/civil-code', payload: { content: { ...civilCode, sourceKeys: ['S99'] }, reason: '试', expectedVersion: 1 } });
    expect(unknownSource.statusCode, unknownSource.body).toBe(422);
    expect(unknownSource.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors.map((error) => error.field)).toEqual(['content.sourceKeys.0']);

    // A violation citing a law the knowledge base does not hold: refused by the cross-reference check.
    const violations = (await api.request(pm, { method: 'GET', url: '/api/knowledge?kind=violation&pageSize=1' })).json<Page<Entry>>();
    const violation = (await api.request(pm, { method: 'GET', url: `/api/knowledge/violation/${violations.items[0]!.key}` })).json<Entry>();
    const prohibitions = violation.content.prohibitions as { lawKey: string }[];
    const dangling = await api.request(pm, {
      method: 'PUT',
      url: `/api/knowledge/violation/${violation.key}`,
      payload: { content: { ...violation.content, prohibitions: [{ ...prohibitions[0], lawKey: 'no-such-law' }, ...prohibitions.slice(1)] }, reason: '试', expectedVersion: violation.version },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(dangling.statusCode, dangling.body).toBe(422);
    expect(dangling.json<{ error: { fieldErrors: { message: string }[] } }>().error.fieldErrors[0]!.message).toContain('no-such-law');

    const missing = await api.request(pm, { method: 'GET', url: '/api/knowledge/law/no-such-law' });
    expect(missing.statusCode).toBe(404);

    expect(await api.db.knowledgeVersion.count()).toBe(before);
  });
});

describe("an engagement's copy of the knowledge base", () => {
  it('is taken when the engagement starts, falls behind when the master moves, is told, takes the new version and adapts an entry', async () => {
    const { engagement } = await createEngagement(api);
    const pm = await api.sessionFor('pm');
    const admin = await api.sessionFor('admin');
    const list = async () => (await api.request(pm, { method: 'GET', url: `/api/engagements/${engagement.id}/knowledge` })).json<{ items: Row[]; counts: Record<string, number> }>();

    const first = await list();
    expect(first.items.length).toBeGreaterThan(50);
    expect(first.counts.behind).toBe(0);
    expect(first.items.find((row) => row.key === 'S7')).toMatchObject({ state: 'current', adapted: null });

    const master = (await api.request(admin, { method: 'GET', url: '/api/knowledge/source/S7' })).json<Entry>();
    const revised = await api.request(admin, {
      method: 'PUT',
      url: '/api/knowledge/source/S7',
      payload: { content: { ...master.content, description: '“吹哨报到”机制起源（平谷区金海湖镇，2017年），补充市委文件出处。' }, reason: '补充出处', expectedVersion: master.version },
    });
    expect(revised.statusCode, revised.body).toBe(200);

    // The engagement's PM is told, by the workflow.
    await waitFor(
      () => api.db.notification.count({ where: { engagementId: engagement.id, kind: 'knowledge_changed', userId: api.users.pm.id } }),
      (count) => count === 1,
    );
    const behind = await list();
    expect(behind.counts.behind).toBe(1);
    expect(behind.items.find((row) => row.key === 'S7')).toMatchObject({ state: 'behind', baseVersion: master.version, masterVersion: master.version + 1 });

    const sideBySide = (await api.request(pm, { method: 'GET', url: `/api/engagements/${engagement.id}/knowledge/source/S7` })).json<{ changes: { path: string }[] }>();
    expect(sideBySide.changes.map((change) => change.path)).toEqual(['description']);

    // A lawyer on the team may read the copy but not take versions.
    const lawyer = await api.sessionFor('lawyer');
    expect((await api.request(lawyer, { method: 'POST', url: `/api/engagements/${engagement.id}/knowledge/take`, payload: {} })).statusCode).toBe(403);

    const taken = await api.request(pm, { method: 'POST', url: `/api/engagements/${engagement.id}/knowledge/take`, payload: {} });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json<{ taken: { from: number; to: number }[] }>().taken).toEqual([expect.objectContaining({ from: master.version, to: master.version + 1 })]);
    expect((await list()).counts.behind).toBe(0);

    // Adapting an entry to the district changes the engagement's copy, not the master.
    const adapted = await api.request(pm, {
      method: 'PUT',
      url: `/api/engagements/${engagement.id}/knowledge/source/S7`,
      payload: { content: { ...master.content, description: '本街道“吹哨报到”工作机制说明（街道工委2025年文件）。' }, reason: '按本街道文件调整' },
    });
    expect(adapted.statusCode, adapted.body).toBe(200);
    expect(adapted.json<{ row: Row }>().row).toMatchObject({ state: 'current', adapted: { reason: '按本街道文件调整' } });
    const copy = (await api.request(pm, { method: 'GET', url: `/api/engagements/${engagement.id}/knowledge/source/S7` })).json<{ content: { description: string }; master: { content: { description: string } } }>();
    expect(copy.content.description).toContain('本街道');
    expect(copy.master.content.description).toContain('补充市委文件出处');

    const audit = await api.db.auditEvent.findMany({ where: { engagementId: engagement.id, action: { startsWith: 'knowledge.' } } });
    expect(audit.map((event) => event.action).sort()).toEqual(['knowledge.adapted', 'knowledge.taken']);

    // Unknown entries: 422 naming the field, nothing sent to the workflow.
    const unknown = await api.request(pm, { method: 'POST', url: `/api/engagements/${engagement.id}/knowledge/take`, payload: { entryIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknown.statusCode, unknown.body).toBe(422);
  });
});
