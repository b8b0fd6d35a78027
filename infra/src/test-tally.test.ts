import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatTally, tallyLog } from './test-tally';

const ESC = '\u001b';
// vitest 4's closing lines as it prints them with colour (CI=true): dim title, bold counts, grey total.
const colouredTests = `${ESC}[2m      Tests ${ESC}[22m ${ESC}[1m${ESC}[31m3 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m35 passed${ESC}[39m${ESC}[22m${ESC}[90m (38)${ESC}[39m`;
const colouredFiles = `${ESC}[2m Test Files ${ESC}[22m ${ESC}[1m${ESC}[31m2 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m2 passed${ESC}[39m${ESC}[22m${ESC}[90m (4)${ESC}[39m`;

// `pnpm test`: turbo runs lint, typecheck and `vitest run` in every package, prefixing each line.
const turboLog = `
${ESC}[1m==== [10:02:11, +3m05s] pnpm test (lint, typecheck and test every package) ====${ESC}[0m
• Packages in scope: @gongzhi/api, @gongzhi/contracts, @gongzhi/db, @gongzhi/domain
• Running lint, typecheck, test in 12 packages
${ESC}[36m@gongzhi/domain:test: ${ESC}[0mcache bypass, force executing 6a1f0c2d7e9b3a41
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m> @gongzhi/domain@0.1.0 test /work/main/packages/domain
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m> vitest run
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m ${ESC}[32m✓${ESC}[39m src/plan.test.ts ${ESC}[2m(${ESC}[22m${ESC}[2m8 tests${ESC}[22m${ESC}[2m)${ESC}[22m${ESC}[32m 44${ESC}[2mms${ESC}[22m${ESC}[39m
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m Test Files  4 passed (4)
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m      Tests  26 passed (26)
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m   Start at  10:06:23
${ESC}[36m@gongzhi/domain:test: ${ESC}[0m   Duration  1.12s (transform 210ms, setup 0ms, import 640ms, tests 182ms, environment 1ms)
@gongzhi/contracts:test: ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 3 ⎯⎯⎯⎯⎯⎯⎯
@gongzhi/contracts:test:  FAIL  src/schemas.test.ts > describe a task with its template form, rules and deliverable
@gongzhi/contracts:test: ${colouredFiles}
@gongzhi/contracts:test: ${colouredTests}
@gongzhi/contracts:test:  ELIFECYCLE  Test failed. See above for more details.
@gongzhi/api:test:  Test Files  1 failed | 30 passed | 1 skipped (32)
@gongzhi/api:test:       Tests  2 failed | 300 passed | 4 skipped | 1 todo (307)
@gongzhi/web:test:       Tests  41 passed | 1 expected fail (42)
@gongzhi/worker:test: No test files found, exiting with code 0
@gongzhi/documents:test:       Tests  no tests
`;

// The dashboard e2e run and the stock-PostgreSQL re-run: pnpm prints vitest's output unprefixed.
const pnpmLog = `
> @gongzhi/web@0.1.0 test:e2e /work/main/apps/web
> vitest run --config e2e/vitest.e2e.config.ts

 ✓ e2e/portfolio.e2e.test.ts (3 tests) 48213ms
stdout | e2e/portfolio.e2e.test.ts > portfolio > loads within budget
portfolio LCP 812ms

 Test Files  1 passed (1)
      Tests  3 passed (3)
   Start at  10:31:02
   Duration  52.40s (transform 1.21s, setup 0ms, import 2.3s, tests 48.21s, environment 0ms)

[schemathesis] st --config-file /tmp/gongzhi-schemathesis-Qx1/schemathesis.toml run http://127.0.0.1:41873/api/openapi.json --no-color
Test cases:
  5893 generated, 5893 passed

Seed: 211484330817290117421744233937186617785

================================= No issues found in 124.31s ==================================
schemathesis cases: 5893 passed, 0 failed
Scope: 2 of 12 workspace projects
$ pnpm generate && vitest run
 Test Files  9 passed (9)
      Tests  88 passed (88)
$ vitest run
 Test Files  6 passed (6)
      Tests  2 failed | 52 passed | 2 skipped (56)
`;

describe('tallyLog', () => {
  it('sums vitest Tests lines behind turbo prefixes and colour, never Test Files', () => {
    expect(tallyLog(turboLog)).toEqual({ passed: 26 + 35 + 300 + 41 + 1, failed: 3 + 2, skipped: 4 + 1, runs: 5 });
  });

  it('sums unprefixed vitest runs and the schemathesis wrapper line', () => {
    expect(tallyLog(pnpmLog)).toEqual({ passed: 3 + 5893 + 88 + 52, failed: 2, skipped: 2, runs: 4 });
  });

  it('reads every shape of the schemathesis wrapper line', () => {
    expect(tallyLog('schemathesis cases: 12 passed, 3 failed, 4 skipped\n')).toEqual({ passed: 12, failed: 3, skipped: 4, runs: 1 });
    expect(tallyLog('schemathesis cases: 0 passed, 1 failed\r\n')).toEqual({ passed: 0, failed: 1, skipped: 0, runs: 1 });
  });

  it('ignores lines that only look like summaries', () => {
    const lookalikes = [
      ' Test Files  4 passed (4)',
      '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 3 ⎯⎯⎯⎯⎯⎯⎯',
      ' ✓ src/plan.test.ts (8 tests) 44ms',
      "     84|   '      Tests  33 passed (33)',",
      '      Tests  33 passed',
      '      Tests  3 exploded (3)',
      '  5893 generated, 5893 passed',
      'Error: connect ECONNREFUSED 127.0.0.1:5499',
    ].join('\n');
    expect(tallyLog(lookalikes)).toEqual({ passed: 0, failed: 0, skipped: 0, runs: 0 });
  });
});

describe('formatTally', () => {
  it('prints passed and failed, and skipped only when there are some', () => {
    expect(formatTally({ passed: 612, failed: 0, skipped: 3, runs: 9 })).toBe('612 passed, 0 failed, 3 skipped');
    expect(formatTally({ passed: 612, failed: 2, skipped: 0, runs: 9 })).toBe('612 passed, 2 failed');
  });

  it('reports a log without any runner as a failure', () => {
    expect(formatTally(tallyLog(''))).toBe('0 passed, 1 failed');
    expect(formatTally(tallyLog(' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile"\n'))).toBe('0 passed, 1 failed');
  });

  it('counts runs that had no tests as runs', () => {
    expect(formatTally(tallyLog('      Tests  no tests\n'))).toBe('0 passed, 0 failed');
  });
});

describe('the command line', () => {
  const script = fileURLToPath(new URL('./test-tally.ts', import.meta.url));
  const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args]);

  it('prints the one line for a log file and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'test-tally-'));
    try {
      await writeFile(join(dir, 'ci.log'), turboLog + pnpmLog);
      const { stdout } = await run(join(dir, 'ci.log'));
      expect(stdout).toBe('6439 passed, 7 failed, 7 skipped\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing log as a failure, still exiting 0', async () => {
    expect((await run('/nonexistent/ci.log')).stdout).toBe('0 passed, 1 failed\n');
    expect((await run()).stdout).toBe('0 passed, 1 failed\n');
  });
});
