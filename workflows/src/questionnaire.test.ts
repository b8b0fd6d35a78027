// A questionnaire's workflow is the one writer of its design, links and responses: two respondents
// racing on one link get one response between them, and a run that ended while idle is started
// again by the next command.
import { createHash, randomUUID } from 'node:crypto';
import { bankQuestionsFor } from '@gongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
import { EngagementCommandError } from './client';
import { questionnaireWorkflowId } from './ids';
import { createTestEngine, engagementRequest, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a questionnaire’s workflow', () => {
  it('takes one response per link, ends when idle, and is started again by the next command', async () => {
    const { engagementId } = await engine.engagements.startEngagement(engagementRequest(engine.team));
    const questionnaireId = randomUUID();
    const workflowId = questionnaireWorkflowId(questionnaireId);
    await engine.temporal.workflow.start('questionnaireWorkflow', { workflowId, taskQueue: engine.taskQueue, args: [{ questionnaireId, engagementId, idle: '2 seconds' }] });
    const questions = bankQuestionsFor('property');
    await engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'create', actorId: engine.team.lawyers[0]!, audience: 'property', title: '物业服务企业调查问卷', intro: '', questions });
    const token = randomUUID();
    await engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'issueLinks', actorId: engine.team.pm, communityId: null, links: [{ id: randomUUID(), tokenHash: sha256(token) }] });

    const answers = { 'main-problems': ['物业服务质量差'], 'owners-committee': '未成立', 'public-income-disclosed': '每年公示一次', 'property-difficulties': ['物业费收缴率低'], 'fee-collection-rate': '80%—90%', 'report-path-clear': 3 };
    const submit = () => engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'submitThroughLink', key: randomUUID(), tokenHash: sha256(token), answers });
    const outcomes = await Promise.allSettled([submit(), submit()]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(EngagementCommandError);
    expect((refused.reason as EngagementCommandError).code).toBe('link_used');
    expect(await engine.db.questionnaireResponse.count({ where: { questionnaireId } })).toBe(1);

    // A room full of phones at once: more Updates than Temporal lets one workflow hold in flight.
    const tokens = Array.from({ length: 16 }, () => randomUUID());
    await engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'issueLinks', actorId: engine.team.pm, communityId: null, links: tokens.map((each) => ({ id: randomUUID(), tokenHash: sha256(each) })) });
    const burst = await Promise.allSettled(tokens.map((each) => engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'submitThroughLink', key: randomUUID(), tokenHash: sha256(each), answers })));
    expect(burst.filter((outcome) => outcome.status === 'rejected').map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
    expect(await engine.db.questionnaireResponse.count({ where: { questionnaireId } })).toBe(1 + tokens.length);

    // Nobody answers for a while: the run ends, and nothing is lost.
    await waitFor(async () => (await engine.temporal.workflow.getHandle(workflowId).describe()).status.name, (status) => status === 'COMPLETED', 20_000);
    const entered = await engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'enterResponse', actorId: engine.team.lawyers[0]!, key: randomUUID(), communityId: null, answeredOn: '2026-10-15', answers });
    expect(entered).toMatchObject({ version: 1, responseId: expect.any(String) });
    expect(await engine.db.questionnaireResponse.count({ where: { questionnaireId } })).toBe(2 + tokens.length);
    expect((await engine.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');
  });
});
