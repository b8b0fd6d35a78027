export { createEngagementActivities, type EngagementActivityDeps } from './engagement-activities';
export { type EngagementActivities } from './types';
