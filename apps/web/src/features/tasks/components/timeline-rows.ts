import { civilDateOf, daysBetween } from '../../../lib/dates';
import type { TaskSummary } from '../api/get-tasks';

export interface TimelineStage {
  key: string;
  title: { zh: string; en: string };
  plannedStart: string;
  plannedEnd: string;
}

export type TimelineState = 'done-on-time' | 'done-late' | 'overdue' | 'open' | 'pending';

/** One line of the timeline: a task of the template, across all communities it runs in. */
export interface TimelineRow {
  key: string;
  title: { zh: string; en: string };
  stage: TimelineStage | { key: string; title: { zh: string; en: string }; plannedStart: string; plannedEnd: string };
  /** Copies of the task (one per community or department; 1 otherwise). */
  count: number;
  done: number;
  plannedStart: string;
  plannedDue: string;
  /** Latest day the work happened (its form's 举办日期 and the like, else the completion) among the done copies. */
  actualEnd: string | null;
  state: TimelineState;
}

/** `research.symposium~c2` → `research.symposium`: copies of one template task share a row. */
export const templateTaskKey = (key: string): string => key.split('~')[0] ?? key;

/**
 * Planned vs actual per template task: planned from the stage's planned start to the task's due
 * date; actual up to the last day the work happened (a symposium's 举办日期 rather than the day
 * it was entered), or its completion when the form records no such day. Late when completed after the due date, overdue when
 * still open past it. Rows follow the stages' order, then due date.
 */
export function timelineRows(tasks: readonly TaskSummary[], stages: readonly TimelineStage[], today: string): TimelineRow[] {
  const groups = new Map<string, TaskSummary[]>();
  for (const task of tasks) {
    if (task.status === 'cancelled') continue;
    const key = templateTaskKey(task.key);
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  const stageOrder = new Map(stages.map((stage, index) => [stage.key, index]));
  const rows: TimelineRow[] = [];
  for (const [key, copies] of groups) {
    const first = copies[0];
    if (!first) continue;
    const stage = stages.find((candidate) => candidate.key === first.stage.key) ?? { ...first.stage, plannedStart: first.dueDate, plannedEnd: first.dueDate };
    const plannedDue = copies.reduce((latest, task) => (task.dueDate > latest ? task.dueDate : latest), first.dueDate);
    const doneCopies = copies.filter((task) => task.status === 'done' && task.completedAt);
    const actualEnd = doneCopies.length > 0 ? doneCopies.map((task) => task.happenedOn ?? civilDateOf(task.completedAt as string)).sort().at(-1) ?? null : null;
    const allDone = doneCopies.length === copies.length;
    const anyOverdue = copies.some((task) => task.isOverdue);
    const anyOpen = copies.some((task) => task.status === 'active' || task.status === 'in_review' || task.status === 'changes_requested');
    const state: TimelineState = allDone
      ? actualEnd !== null && daysBetween(plannedDue, actualEnd) > 0
        ? 'done-late'
        : 'done-on-time'
      : anyOverdue || (daysBetween(plannedDue, today) > 0 && anyOpen)
        ? 'overdue'
        : anyOpen || doneCopies.length > 0
          ? 'open'
          : 'pending';
    rows.push({
      key,
      title: first.title,
      stage,
      count: copies.length,
      done: doneCopies.length,
      plannedStart: stage.plannedStart <= plannedDue ? stage.plannedStart : plannedDue,
      plannedDue,
      actualEnd,
      state,
    });
  }
  return rows.sort(
    (a, b) => (stageOrder.get(a.stage.key) ?? 99) - (stageOrder.get(b.stage.key) ?? 99) || a.plannedDue.localeCompare(b.plannedDue) || a.key.localeCompare(b.key),
  );
}
