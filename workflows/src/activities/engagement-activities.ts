import { type Db } from '@gongzhi/db';
import { createEngagementRecords } from './engagement-records';
import { createIncidentRecords } from './incident-records';
import { createMaterializeActivity } from './materialize';
import { failFastOnRefusedData } from './support';
import { createTaskRecords } from './task-records';
import { type EngagementActivities } from './types';

/** Everything an activity needs from outside, built once by the worker. */
export interface EngagementActivityDeps {
  db: Db;
}

/**
 * The engine's activities, built from their dependencies so tests and the worker pass a real
 * database. Each write is one transaction keyed by business ids (see keys.ts): a retried attempt
 * writes nothing twice, and a guarded update never lets a stale attempt undo a newer state.
 */
export function createEngagementActivities({ db }: EngagementActivityDeps): EngagementActivities {
  return failFastOnRefusedData<EngagementActivities>({
    ...createMaterializeActivity(db),
    ...createEngagementRecords(db),
    ...createTaskRecords(db),
    ...createIncidentRecords(db),
  });
}
