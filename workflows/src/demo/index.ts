export { sampleFormData } from './sample-form';
export { DEMO_ENGAGEMENT_ID, seedDemoEngagement } from './seed-demo-engagement';
