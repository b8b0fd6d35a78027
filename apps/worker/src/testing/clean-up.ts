/** Runs every step whatever the others do (a leftover server would outlive the run); throws the first failure. */
export async function cleanUp(steps: (() => Promise<unknown>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) await step().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}
