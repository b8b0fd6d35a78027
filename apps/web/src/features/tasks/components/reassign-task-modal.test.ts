import { describe, expect, it } from 'vitest';
import { reassignCandidates } from './reassign-task-modal';

const person = (id: string, displayName: string) => ({ id, displayName });
const team = { pm: person('pm', '李经理'), partner: person('partner', '张合伙人'), lawyers: [person('wang', '王律师'), person('liu', '刘律师')], client: person('zhao', '赵主任') };

describe('reassignCandidates', () => {
  it('offers exactly the people the workflow accepts for the task’s role', () => {
    expect(reassignCandidates(team, 'lawyer').map((candidate) => candidate.displayName)).toEqual(['王律师', '刘律师', '李经理']);
    expect(reassignCandidates(team, 'partner').map((candidate) => candidate.id)).toEqual(['partner']);
    expect(reassignCandidates(team, 'client').map((candidate) => candidate.id)).toEqual(['zhao']);
    expect(reassignCandidates({ ...team, client: null }, 'client').map((candidate) => candidate.id)).toEqual(['pm']);
  });
});
