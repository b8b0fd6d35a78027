// Roles hold at the workflow, whatever the API in front of it lets through: the partner's sign-off
// is the partner's, a client's decision the client's, and the PM stands in for a client only when
// the team has no client contact — with a reason the record keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { sampleFormData } from './demo/sample-form';
import { refusalOf } from './testing/refusals';
import { createTestEngine, driveEngagement, engagementRequest, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

const activeTask = (engagementId: string, key: string) =>
  waitFor(
    () => engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key } } }),
    (task) => task.status === 'active',
    60_000,
  );

describe('roles at the workflow', () => {
  it('refuses the PM a client’s confirmation when the team has a client contact, and the partner’s stage sign-off', async () => {
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const isOpen = (key: string) => async () => (await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key } } })).status === 'active';

    await driveEngagement(engine, engagementId, plan, { stopWhen: isOpen('proposal.client-confirm-plan'), spare: ['proposal.client-confirm-plan'] });
    const confirm = plan.tasks.find((task) => task.key === 'proposal.client-confirm-plan')!;
    expect(confirm.assigneeId).toBe(engine.team.client);
    const byPm = await refusalOf(engine.engagements.completeTask(engagementId, { taskKey: confirm.key, actorId: engine.team.pm, formData: sampleFormData(confirm) }));
    expect(byPm.code).toBe('not_assignee');
    // Nor can the PM hand the client's decision to themselves.
    expect((await refusalOf(engine.engagements.reassignTask(engagementId, { taskKey: confirm.key, actorId: engine.team.pm, assigneeId: engine.team.pm }))).code).toBe('invalid_assignee');
    expect((await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: confirm.key } } })).status).toBe('active');

    await driveEngagement(engine, engagementId, plan, { stopWhen: isOpen('government-system.gate-partner'), spare: ['government-system.gate-partner'], timeoutMs: 180_000 });
    const gate = plan.tasks.find((task) => task.key === 'government-system.gate-partner')!;
    await activeTask(engagementId, gate.key);
    const gateByPm = await refusalOf(engine.engagements.completeTask(engagementId, { taskKey: gate.key, actorId: engine.team.pm, formData: sampleFormData(gate) }));
    expect(gateByPm.code).toBe('not_assignee');
    expect((await refusalOf(engine.engagements.reassignTask(engagementId, { taskKey: gate.key, actorId: engine.team.pm, assigneeId: engine.team.pm }))).code).toBe('invalid_assignee');
    const signed = await engine.engagements.completeTask(engagementId, { taskKey: gate.key, actorId: engine.team.partner, formData: sampleFormData(gate) });
    expect(signed.status).toBe('done');
    const row = await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: gate.key } } });
    expect([row.completedById, row.standInReason]).toEqual([engine.team.partner, null]);
    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm });
  });

  it('lets the PM record a client’s decision when there is no client contact, only with a reason, and keeps it on record', async () => {
    const { client: _client, ...teamWithoutClient } = engagementRequest(engine.team).team;
    const { engagementId, plan } = await engine.engagements.startEngagement(engagementRequest(engine.team, { team: teamWithoutClient }));
    await driveEngagement(engine, engagementId, plan, {
      stopWhen: async () => (await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: 'proposal.client-confirm-plan' } } })).status === 'active',
      spare: ['proposal.client-confirm-plan'],
    });
    const confirm = plan.tasks.find((task) => task.key === 'proposal.client-confirm-plan')!;
    expect(confirm.assigneeId).toBe(engine.team.pm);
    const command = { taskKey: confirm.key, actorId: engine.team.pm, formData: sampleFormData(confirm) };

    const missing = await refusalOf(engine.engagements.completeTask(engagementId, command));
    expect(missing.code).toBe('validation_failed');
    expect(missing.fieldErrors.map((error) => [error.field, error.code])).toEqual([['standInReason', 'required']]);
    expect((await refusalOf(engine.engagements.completeTask(engagementId, { ...command, standInReason: '   ' }))).code).toBe('validation_failed');
    // A lawyer is not the PM: no standing in for the client.
    expect((await refusalOf(engine.engagements.completeTask(engagementId, { ...command, actorId: engine.team.lawyers[0], standInReason: '代为确认' }))).code).toBe('not_assignee');

    const reason = '街道办赵主任于 3 月 10 日座谈会上当面确认服务方案，会议纪要已归档。';
    expect((await engine.engagements.completeTask(engagementId, { ...command, standInReason: reason })).status).toBe('done');
    const row = await engine.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId, key: confirm.key } } });
    expect([row.completedById, row.standInReason]).toEqual([engine.team.pm, reason]);
    const event = await engine.db.auditEvent.findFirstOrThrow({ where: { engagementId, action: 'task.completed', entityId: row.id } });
    expect(event.after).toMatchObject({ standInFor: 'client', standInReason: reason });
    await engine.engagements.cancel(engagementId, { actorId: engine.team.pm });
  });
});
