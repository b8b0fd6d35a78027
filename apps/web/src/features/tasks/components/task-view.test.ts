import { describe, expect, it } from 'vitest';
import type { TaskDetail } from '../api/get-task';
import { blockedReasonOf, fileToSubmitOf } from './task-view';

type Deliverable = NonNullable<TaskDetail['deliverable']>;
const upload = { sha256: 'c'.repeat(64), fileName: '方案.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 9, uploadedBy: { id: 'u', displayName: '王浩然' }, uploadedAt: '2026-03-02T02:00:00.000Z' };
const deliverable = (status: Deliverable['status'], uploads: Deliverable['uploads'] = []) => ({ status, uploads }) as Deliverable;

describe('blockedReasonOf', () => {
  it('asks for the file first, for a new revision after changes were requested, and waits for earlier tasks', () => {
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('none') })).toBe('uploadFirst');
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('changes_requested') })).toBe('uploadRevision');
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('changes_requested', [upload]) })).toBeNull();
    expect(blockedReasonOf({ dependsOn: [], deliverable: deliverable('draft', [upload]) })).toBeNull();
    expect(fileToSubmitOf({ deliverable: deliverable('draft', [upload, { ...upload, sha256: 'd'.repeat(64) }]) })).toEqual({ sha256: 'c'.repeat(64) });
    expect(fileToSubmitOf({ deliverable: null })).toBeUndefined();
    expect(blockedReasonOf({ dependsOn: [], deliverable: null })).toBeNull();
    expect(blockedReasonOf({ dependsOn: [{ status: 'active' } as TaskDetail['dependsOn'][number]], deliverable: null })).toBe('waiting');
  });
});
