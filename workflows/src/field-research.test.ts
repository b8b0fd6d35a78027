// The field-research workflow is the one writer of symposium and interview records and their
// problems' tags. An activity attempt retried after its first attempt committed answers the same
// and writes nothing again — recognised by its command's audit row, not by the clock (two commands
// in one workflow task share the clock).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createFieldResearchActivities } from './activities/field-research-records';
import { createTestEngine, engagementRequest, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

describe('the field-research workflow', () => {
  it('records, revises and tags once per command, however often an attempt is retried', async () => {
    const { engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const community = await engine.db.community.findFirstOrThrow({ where: { engagementId }, orderBy: { key: 'asc' } });
    const lawyer = engine.team.lawyers[0]!;
    const sessionId = randomUUID();
    const problemId = randomUUID();
    const details = {
      kind: 'symposium' as const,
      communityId: community.id,
      heldOn: '2026-10-14',
      place: `${community.name}党群服务中心`,
      participants: '居委会委员、居民代表',
      headcount: 10,
      notes: '居民反映楼道堆物。',
      problems: [{ id: problemId, description: '楼道堆放杂物', violationKey: null, outsideCatalogue: false }],
    };
    expect(await engine.engagements.fieldResearchCommand(engagementId, { type: 'recordSession', actorId: lawyer, sessionId, ...details })).toEqual({ version: 1 });

    const activities = createFieldResearchActivities(engine.db);
    const at = new Date().toISOString();
    const tag = { engagementId, at, commandId: 'update-1', command: { type: 'tagProblem' as const, actorId: lawyer, problemId, violationKey: 'stairwell-clutter', outsideCatalogue: false } };
    expect(await activities.applyFieldResearchCommand(tag)).toEqual({ version: 2 });
    expect(await activities.applyFieldResearchCommand(tag)).toEqual({ version: 2 });

    // Two revisions on version 2 at the same instant: the first wins, the second is a conflict, and
    // a retry of the first is the first's answer again.
    const revise = (commandId: string, notes: string) => ({ engagementId, at, commandId, command: { type: 'reviseSession' as const, actorId: lawyer, sessionId, expectedVersion: 2, ...details, notes, problems: [{ ...details.problems[0]!, keepTag: true }] } });
    expect(await activities.applyFieldResearchCommand(revise('update-2', '第一位律师的修改'))).toEqual({ version: 3 });
    expect(await activities.applyFieldResearchCommand(revise('update-3', '第二位律师的修改'))).toEqual({ refused: 'version_conflict', currentVersion: 3 });
    expect(await activities.applyFieldResearchCommand(revise('update-2', '第一位律师的修改'))).toEqual({ version: 3 });

    const session = await engine.db.researchSession.findUniqueOrThrow({ where: { id: sessionId }, include: { problems: true } });
    expect([session.version, session.notes, session.problems[0]!.violationKey]).toEqual([3, '第一位律师的修改', 'stairwell-clutter']);
    const trail = await engine.db.auditEvent.findMany({ where: { engagementId, action: { startsWith: 'research.' } }, orderBy: { at: 'asc' } });
    expect(trail.map((event) => event.action)).toEqual(['research.session_recorded', 'research.problem_tagged', 'research.session_revised']);
  });
});
