/**
 * Polls `read` until `isReady` says yes, for what the engine writes asynchronously (projections,
 * notifications, pages). Fails with the last value seen, so a timeout says what was there instead.
 */
export async function waitFor<T>(read: () => Promise<T>, isReady: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isReady(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
