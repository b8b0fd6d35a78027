import { parseWorkerConfig } from './config';
import { runWorker } from './worker';

runWorker(parseWorkerConfig(process.env)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
