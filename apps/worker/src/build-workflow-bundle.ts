import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from '@gongzhi/workflows';

// Outside development the worker loads this prebuilt bundle instead of running webpack at start.
const outputPath = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
const { code } = await bundleWorkflowCode({ workflowsPath });
await mkdir(dirname(outputPath), { recursive: true });
await writeFile(outputPath, code);
console.log(`workflow bundle: ${outputPath} (${(code.length / 1024).toFixed(0)} KiB)`);
