import { describe, expect, it } from 'vitest';
import { taskSummary } from '../../../testing/fixtures';
import { templateTaskKey, timelineRows } from './timeline-rows';

const research = { key: 'research', title: { zh: '实地调研', en: 'Field research' }, plannedStart: '2025-03-03', plannedEnd: '2025-03-31' };
const proposal = { key: 'proposal', title: { zh: '方案与合作', en: 'Proposal' }, plannedStart: '2025-02-17', plannedEnd: '2025-03-01' };

describe('timelineRows', () => {
  it('puts the copies of a community task on one row and follows the stages’ order', () => {
    expect(templateTaskKey('research.symposium~c2')).toBe('research.symposium');
    const rows = timelineRows(
      [
        taskSummary({ key: 'research.symposium~c1', stage: research, dueDate: '2025-03-14', status: 'done', completedAt: '2025-03-12T06:00:00.000Z' }),
        taskSummary({ key: 'research.symposium~c2', stage: research, dueDate: '2025-03-14', status: 'done', completedAt: '2025-03-13T06:00:00.000Z' }),
        taskSummary({ key: 'proposal.draft-service-plan', stage: proposal, dueDate: '2025-02-21', status: 'done', completedAt: '2025-02-24T03:00:00.000Z' }),
      ],
      [proposal, research],
      '2025-03-20',
    );
    expect(rows.map((row) => [row.key, row.count, row.state])).toEqual([
      ['proposal.draft-service-plan', 1, 'done-late'],
      ['research.symposium', 2, 'done-on-time'],
    ]);
    expect(rows[1]).toMatchObject({ plannedStart: '2025-03-03', plannedDue: '2025-03-14', actualEnd: '2025-03-13', done: 2 });
  });

  it('marks open work past its due date overdue, and completion dates in Beijing time', () => {
    const rows = timelineRows(
      [
        taskSummary({ key: 'research.report', stage: research, dueDate: '2025-03-10', isOverdue: true }),
        // 17:00 UTC on the 14th is 01:00 on the 15th in Beijing: one day late.
        taskSummary({ key: 'research.survey', stage: research, dueDate: '2025-03-14', status: 'done', completedAt: '2025-03-14T17:00:00.000Z' }),
        taskSummary({ key: 'research.later', stage: research, dueDate: '2025-03-28', status: 'pending' }),
      ],
      [research],
      '2025-03-20',
    );
    expect(Object.fromEntries(rows.map((row) => [row.key, row.state]))).toEqual({ 'research.report': 'overdue', 'research.survey': 'done-late', 'research.later': 'pending' });
  });

  it('places done work on the day it happened, not the day it was entered', () => {
    const rows = timelineRows(
      [
        // Held on the 12th, written up on the 18th (after its due date): on time.
        taskSummary({ key: 'research.symposium~c1', stage: research, dueDate: '2025-03-14', status: 'done', completedAt: '2025-03-18T02:00:00.000Z', happenedOn: '2025-03-12' }),
        taskSummary({ key: 'research.symposium~c2', stage: research, dueDate: '2025-03-14', status: 'done', completedAt: '2025-03-13T02:00:00.000Z', happenedOn: '2025-03-11' }),
      ],
      [research],
      '2025-03-20',
    );
    expect(rows[0]).toMatchObject({ actualEnd: '2025-03-12', state: 'done-on-time' });
  });
});
