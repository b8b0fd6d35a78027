import { describe, expect, it } from 'vitest';
import { reassignCandidates } from './reassign-task-modal';

const person = (id: string, displayName: string) => ({ id, displayName });
const team = { pm: person('pm', '李婧'), partner: person('partner', '张振华'), lawyers: [person('wang', '王浩然'), person('liu', '刘思远')], client: person('zhao', '赵建华') };

describe('reassignCandidates', () => {
  it('offers exactly the people the workflow accepts for the task’s role', () => {
    expect(reassignCandidates(team, 'lawyer').map((candidate) => candidate.displayName)).toEqual(['王浩然', '刘思远', '李婧']);
    expect(reassignCandidates(team, 'partner').map((candidate) => candidate.id)).toEqual(['partner']);
    expect(reassignCandidates(team, 'client').map((candidate) => candidate.id)).toEqual(['zhao']);
    expect(reassignCandidates({ ...team, client: null }, 'client').map((candidate) => candidate.id)).toEqual(['pm']);
  });
});
