import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from './index';
import { loadHistories } from './testing/histories';

/**
 * Replays recorded histories of complete runs (refresh them with GONGZHI_RECORD_HISTORIES=1 on
 * engagement.test.ts). If a change to workflow code would break running engagements, replay
 * fails here: put the change behind `patched()` instead.
 */
describe('replaying recorded engagement histories', () => {
  it('replays every recorded history without non-determinism', async () => {
    const histories = await loadHistories();
    expect(histories.map((entry) => entry.workflowId)).toEqual(['community-stage', 'engagement-paused-cancelled', 'engagement']);
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'committed-histories' }, histories)) results.push(result);
    expect(results.map((result) => [result.workflowId, result.error?.message ?? null])).toEqual([
      ['community-stage', null],
      ['engagement-paused-cancelled', null],
      ['engagement', null],
    ]);
  });
});
