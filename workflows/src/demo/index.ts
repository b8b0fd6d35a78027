export { sampleFormData } from './sample-form';
