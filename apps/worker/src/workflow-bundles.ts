import { stat } from 'node:fs/promises';

/**
 * The prebuilt workflow bundle comes in two: `workflow-bundle.js` as the worker runs it by default,
 * and `workflow-bundle.traced.js` beside it with the OpenTelemetry workflow interceptors, for a
 * worker with tracing on. The interceptors cost memory in every cached workflow (docs/benchmarks.md,
 * W5), so a worker without tracing runs without them; both replay the same recorded histories
 * (workflows/src/replay.test.ts replays them with and without).
 */
export const tracedBundlePath = (bundlePath: string): string =>
  bundlePath.endsWith('.traced.js') ? bundlePath : `${bundlePath.replace(/\.js$/, '')}.traced.js`;

/** The build writes the traced bundle second; slack for copies and caches that restore both at once. */
const SAME_BUILD_SLACK_MS = 2_000;

/**
 * The bundle a worker loads, and whether it carries the interceptors (then the worker must give
 * them their span sink, tracing on or not): the configured one when it is itself a traced bundle;
 * with tracing on, its traced sibling when that came from the same build (a leftover of an earlier
 * build, older than the bundle, is not loaded); else the one configured.
 */
export async function bundleToLoad(
  bundlePath: string,
  tracing: boolean,
): Promise<{ path: string; traced: boolean; problem?: string }> {
  if (bundlePath.endsWith('.traced.js')) return { path: bundlePath, traced: true };
  if (!tracing) return { path: bundlePath, traced: false };
  const traced = tracedBundlePath(bundlePath);
  const [plainBuilt, tracedBuilt] = await Promise.all([
    stat(bundlePath).then((file) => file.mtimeMs),
    stat(traced).then(
      (file) => file.mtimeMs,
      () => undefined,
    ),
  ]);
  if (tracedBuilt === undefined)
    return { path: bundlePath, traced: false, problem: `${bundlePath} has no traced sibling` };
  // Older than the plain one: from an earlier build.
  if (tracedBuilt + SAME_BUILD_SLACK_MS < plainBuilt)
    return { path: bundlePath, traced: false, problem: `${traced} is older than ${bundlePath}, from an earlier build` };
  return { path: traced, traced: true };
}
