import { describe, expect, it } from 'vitest';
import type { TaskDetail } from '../api/get-task';
import { blockedReasonOf } from './task-view';

const deliverable = (status: NonNullable<TaskDetail['deliverable']>['status']) => ({ status }) as NonNullable<TaskDetail['deliverable']>;

describe('blockedReasonOf', () => {
  it('asks for the file first, for a new revision after changes were requested, and waits for earlier tasks', () => {
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('none') })).toBe('uploadFirst');
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('changes_requested') })).toBe('uploadRevision');
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('draft') })).toBeNull();
    expect(blockedReasonOf({ dependsOn: [], deliverable: null })).toBeNull();
    expect(blockedReasonOf({ dependsOn: [{ status: 'active' } as TaskDetail['dependsOn'][number]], deliverable: null })).toBe('waiting');
  });
});
