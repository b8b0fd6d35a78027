import { type CivilDate, endOfCivilDay } from './calendar';
import { type TaskStatus } from './vocabulary';

/** Open work: someone is expected to act on it now. */
export function isTaskOpen(status: TaskStatus): boolean {
  return status === 'active' || status === 'in_review' || status === 'changes_requested';
}

export interface ProgressTask {
  key: string;
  stageKey: string;
  communityKey: string | null;
  status: TaskStatus;
  dueDate: CivilDate;
}

export interface Progress {
  total: number;
  done: number;
  /** 0–100, rounded down so that 100 means everything is done. */
  percent: number;
}

function progressOf(tasks: readonly ProgressTask[]): Progress {
  const counted = tasks.filter((task) => task.status !== 'cancelled');
  const done = counted.filter((task) => task.status === 'done').length;
  return { total: counted.length, done, percent: counted.length === 0 ? 0 : Math.floor((done * 100) / counted.length) };
}

export interface EngagementProgress {
  overall: Progress;
  byStage: Record<string, Progress>;
  byCommunity: Record<string, Progress>;
  /** Community × stage, for the matrix on the engagement page. */
  byCommunityStage: Record<string, Record<string, Progress>>;
}

export function computeProgress(tasks: readonly ProgressTask[]): EngagementProgress {
  const group = (keyOf: (task: ProgressTask) => string | null) => {
    const groups = new Map<string, ProgressTask[]>();
    for (const task of tasks) {
      const key = keyOf(task);
      if (key === null) continue;
      groups.set(key, [...(groups.get(key) ?? []), task]);
    }
    return groups;
  };
  const byCommunityStage: Record<string, Record<string, Progress>> = {};
  for (const [community, communityTasks] of group((task) => task.communityKey)) {
    byCommunityStage[community] = Object.fromEntries(
      [...group((task) => task.stageKey)].flatMap(([stage]) => {
        const cell = communityTasks.filter((task) => task.stageKey === stage);
        return cell.length === 0 ? [] : [[stage, progressOf(cell)]];
      }),
    );
  }
  return {
    overall: progressOf(tasks),
    byStage: Object.fromEntries([...group((task) => task.stageKey)].map(([key, list]) => [key, progressOf(list)])),
    byCommunity: Object.fromEntries([...group((task) => task.communityKey)].map(([key, list]) => [key, progressOf(list)])),
    byCommunityStage,
  };
}

/** A task is overdue once its due day has ended in Asia/Shanghai and it is still not done. */
export function isOverdue(task: Pick<ProgressTask, 'status' | 'dueDate'>, now: Date): boolean {
  return task.status !== 'done' && task.status !== 'cancelled' && now.getTime() > endOfCivilDay(task.dueDate).getTime();
}

export function findOverdue<T extends Pick<ProgressTask, 'status' | 'dueDate'>>(tasks: readonly T[], now: Date): T[] {
  return tasks.filter((task) => isOverdue(task, now));
}
