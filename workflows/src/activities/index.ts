export { createEngagementActivities, type EngagementActivityDeps, materializeEngagement } from './engagement-activities';
export { type EngagementActivities } from './types';
