import { temporalWorkerTracing } from '@gongzhi/telemetry';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from './index';
import { loadHistories } from './testing/histories';

/**
 * Replays recorded histories of complete runs. `release-1-*` were recorded by the first release
 * (pause and cancel as signals) and stay: engagements started then must keep replaying. The
 * others are the current code's (refresh them with GONGZHI_RECORD_HISTORIES=1 on
 * engagement.test.ts, incidents.test.ts, case.test.ts and adoption.test.ts). If a change to workflow code would break running
 * engagements, replay fails here: put the change behind `patched()` instead.
 */
describe('replaying recorded engagement histories', () => {
  it('replays every recorded history without non-determinism', async () => {
    const histories = await loadHistories();
    const expected = ['community-stage', 'engagement', 'engagement-incident', 'engagement-paused-cancelled'];
    expect(histories.map((entry) => entry.workflowId).sort()).toEqual(['adoption', 'adoption-picked-up', 'case', ...expected, ...expected.filter((name) => name !== 'engagement-incident').map((name) => `release-1-${name}`)].sort());
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'committed-histories' }, histories)) results.push(result);
    expect(results.filter((result) => result.error).map((result) => [result.workflowId, result.error?.message])).toEqual([]);
    expect(results).toHaveLength(histories.length);
  });

  // A worker with tracing on runs the workflows with the OpenTelemetry interceptors in: histories
  // recorded without them, as every one here was, must replay with them (tracing turned on).
  it('replays every recorded history with the tracing interceptors in', async () => {
    const histories = await loadHistories();
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'committed-histories-traced', plugins: [temporalWorkerTracing(undefined)] }, histories)) results.push(result);
    expect(results.filter((result) => result.error).map((result) => [result.workflowId, result.error?.message])).toEqual([]);
    expect(results).toHaveLength(histories.length);
  });
});
