// A worker process for the fault tests: the production worker (same config, same activities) that
// SIGKILLs itself around the first call of one activity — `before` it runs (nothing written) or
// `after` it returned (its transaction committed, Temporal not yet told). Which one comes from
// GONGZHI_KILL_AROUND=<activity>:<before|after>. Never used outside tests.
import { parseWorkerConfig } from '../config';
import { runWorker } from '../worker';

const [activityName, moment] = (process.env.GONGZHI_KILL_AROUND ?? '').split(':');
if (activityName === undefined || (moment !== 'before' && moment !== 'after')) {
  throw new Error('GONGZHI_KILL_AROUND must be <activity>:<before|after>');
}
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

await runWorker(parseWorkerConfig(process.env), {
  wrapActivities: (activities) => {
    const real = (activities as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[activityName];
    if (real === undefined) throw new Error(`no activity named ${activityName}`);
    const wrapped = async (...args: unknown[]): Promise<never> => {
      // Even when the activity throws: the test waits for this death.
      if (moment === 'after') await real(...args).catch(() => undefined);
      return die();
    };
    return { ...activities, [activityName]: wrapped };
  },
});
