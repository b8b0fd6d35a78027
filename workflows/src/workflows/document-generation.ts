import { ActivityFailure, ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { type DocumentActivities } from '../activities/document-generation';
import { type DocumentGenerationInput, generationRegisteredUpdate } from './definitions';

const records = proxyActivities<Pick<DocumentActivities, 'beginGeneration' | 'failGeneration'>>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 30 },
});

/** Rendering is CPU work of seconds; a worker that stops heartbeating is given up on quickly and retried. */
const rendering = proxyActivities<Pick<DocumentActivities, 'generateDocument'>>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 3, nonRetryableErrorTypes: ['generation_refused'] },
});

/**
 * One document drafted for a deliverable: recorded, rendered by a worker (never the API), stored
 * and offered as an upload the lawyer can submit. The API starts it with the `registered` Update,
 * which answers once the request is on record, so the caller can follow its progress at once.
 */
export async function documentGenerationWorkflow(input: DocumentGenerationInput): Promise<{ status: 'done' | 'failed' }> {
  let registered = false;
  setHandler(generationRegisteredUpdate, async () => {
    await condition(() => registered);
    return { generationId: input.generationId };
  });
  await records.beginGeneration(input);
  registered = true;
  try {
    const outcome = await rendering.generateDocument({ generationId: input.generationId });
    return { status: outcome.status };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const message = cause instanceof ApplicationFailure && cause.type === 'generation_refused' ? `无法生成：${cause.message}` : `生成失败，请稍后重试（${cause instanceof Error ? cause.message.slice(0, 300) : '未知原因'}）`;
    await records.failGeneration({ generationId: input.generationId, message });
    return { status: 'failed' };
  }
}
