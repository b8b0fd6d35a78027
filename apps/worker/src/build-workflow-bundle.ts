import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { temporalWorkerTracing } from '@gongzhi/telemetry';
import { workflowsPath } from '@gongzhi/workflows';

// Outside development the worker loads this prebuilt bundle instead of running webpack at start.
// It carries the tracing interceptors whether tracing is on or not (see temporalWorkerTracing).
const outputPath = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
const { code } = await bundleWorkflowCode({ workflowsPath, plugins: [temporalWorkerTracing(undefined)] });
await mkdir(dirname(outputPath), { recursive: true });
await writeFile(outputPath, code);
console.log(`workflow bundle: ${outputPath} (${(code.length / 1024).toFixed(0)} KiB)`);
