import { expect } from 'vitest';
import { EngagementCommandError } from '../client';

/** The refusal a workflow command must end in (failing the test if it succeeds or fails otherwise). */
export async function refusalOf(promise: Promise<unknown>): Promise<EngagementCommandError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngagementCommandError);
  return error as EngagementCommandError;
}
