import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { taskSummary } from '../../../testing/fixtures';
import { orderWorklist, TasksTable } from './tasks-table';

const today = '2025-03-10';

describe('orderWorklist', () => {
  it('puts overdue work first (longest overdue on top), then open work by due date, closed work last', () => {
    const tasks = [
      taskSummary({ key: 'due-later', dueDate: '2025-03-20' }),
      taskSummary({ key: 'done', dueDate: '2025-03-01', status: 'done' }),
      taskSummary({ key: 'overdue-2d', dueDate: '2025-03-08', isOverdue: true }),
      taskSummary({ key: 'due-tomorrow', dueDate: '2025-03-11' }),
      taskSummary({ key: 'overdue-9d', dueDate: '2025-03-01', isOverdue: true, status: 'changes_requested' }),
      taskSummary({ key: 'due-today', dueDate: '2025-03-10' }),
    ];
    expect(orderWorklist(tasks).map((task) => task.key)).toEqual(['overdue-9d', 'overdue-2d', 'due-today', 'due-tomorrow', 'due-later', 'done']);
  });

  it('on the same day, work sent back for changes comes before new work', () => {
    const tasks = [taskSummary({ key: 'a-new', dueDate: '2025-03-12' }), taskSummary({ key: 'b-returned', dueDate: '2025-03-12', status: 'changes_requested' })];
    expect(orderWorklist(tasks).map((task) => task.key)).toEqual(['b-returned', 'a-new']);
  });

  it('trusts the server’s overdue flag over the date (a due day ends at midnight Beijing time)', () => {
    const tasks = [taskSummary({ key: 'earlier-not-overdue', dueDate: '2025-03-09' }), taskSummary({ key: 'flagged', dueDate: '2025-03-09', isOverdue: true })];
    expect(orderWorklist(tasks)[0]?.key).toBe('flagged');
  });
});

describe('TasksTable', () => {
  const rows = () => [...document.querySelectorAll('tbody tr[data-task-id]')];

  it('renders the rows overdue first, then due soon, whatever order the data came in', () => {
    const tasks = [
      taskSummary({ key: 'later', title: { zh: '编写培训课件', en: 'Courseware' }, dueDate: '2025-03-25' }),
      taskSummary({ key: 'late', title: { zh: '拟定项目法律服务方案', en: 'Plan' }, dueDate: '2025-03-05', isOverdue: true }),
      taskSummary({ key: 'soon', title: { zh: '开展法律培训', en: 'Training' }, dueDate: '2025-03-11' }),
    ];
    renderWithProviders(<TasksTable tasks={tasks} today={today} showEngagement empty="—" />);
    expect(rows().map((row) => row.querySelector('a')?.textContent)).toEqual(['拟定项目法律服务方案', '开展法律培训', '编写培训课件']);
    expect(rows()[0]?.className).toContain('gz-row-overdue');
    expect(rows()[1]?.className).not.toContain('gz-row-overdue');
  });

  it('says how overdue or how near each due date is', () => {
    const tasks = [taskSummary({ key: 'late', dueDate: '2025-03-07', isOverdue: true }), taskSummary({ key: 'soon', dueDate: '2025-03-12' })];
    renderWithProviders(<TasksTable tasks={tasks} today={today} empty="—" />);
    expect(screen.getByText('逾期 3 天')).toBeTruthy();
    expect(screen.getByText('2 天后到期')).toBeTruthy();
  });

  it('shows the empty state when there is nothing to do', () => {
    renderWithProviders(<TasksTable tasks={[]} today={today} empty={<span>没有待办任务</span>} />);
    expect(screen.getByText('没有待办任务')).toBeTruthy();
  });

  it('offers reassignment on open tasks only', () => {
    const onReassign = vi.fn();
    const open = taskSummary({ key: 'open', dueDate: '2025-03-12' });
    renderWithProviders(<TasksTable tasks={[open, taskSummary({ key: 'closed', status: 'done' })]} today={today} onReassign={onReassign} empty="—" />);
    const buttons = screen.getAllByRole('button', { name: /重新分派/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0] as HTMLElement);
    expect(onReassign).toHaveBeenCalledWith(open);
  });
});
