// One line summing every test runner in a log of the test command (infra/scripts/test.sh), for CI,
// which reads the closing line of known runners only:
//
//   node --import tsx infra/src/test-tally.ts <log file>   →   612 passed, 0 failed, 3 skipped
//
// Counted: vitest's closing `Tests` line (bare, or behind turbo's `@gongzhi/x:test: ` prefix or
// pnpm's `packages/x test: ` prefix; never the `Test Files` line) and the line the schemathesis
// wrapper prints (`schemathesis cases: N passed, N failed[, N skipped]`). A log without any of
// them prints `0 passed, 1 failed`: nothing ran is a failure to report, not a pass. Always exits 0;
// the test command itself decides whether the run failed.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** Runner summary lines found: vitest runs plus schemathesis runs. */
  runs: number;
}

// `      Tests  2 failed | 30 passed | 1 skipped (33)`, or `      Tests  no tests` for a run whose files hold none.
const VITEST_TESTS = /^(?:\S+(?: \S+)?: )?\s*Tests\s+(?:no tests|(\d+ [a-z ]+?(?: \| \d+ [a-z ]+?)*) \(\d+\))\s*$/;
const VITEST_COUNT = /^(\d+) (passed|failed|skipped|todo|expected fail)$/;
const SCHEMATHESIS = /(?:^|\s)schemathesis cases: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

/** The counts in one vitest `Tests` line, or undefined when the line is not one. */
function vitestCounts(line: string): Omit<Tally, 'runs'> | undefined {
  const match = VITEST_TESTS.exec(line);
  if (!match) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (match[1] === undefined) return counts; // no tests
  for (const part of match[1].split(' | ')) {
    const count = VITEST_COUNT.exec(part);
    if (!count) return undefined;
    const n = Number(count[1]);
    if (count[2] === 'failed') counts.failed += n;
    else if (count[2] === 'skipped' || count[2] === 'todo') counts.skipped += n;
    // `expected fail`: a `.fails` test that failed as it should, i.e. passed.
    else counts.passed += n;
  }
  return counts;
}

/** Sums the runner summary lines of a log; ANSI escapes are ignored. */
export function tallyLog(log: string): Tally {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, runs: 0 };
  for (const line of stripVTControlCharacters(log).split(/\r\n|\r|\n/)) {
    const vitest = vitestCounts(line);
    if (vitest) {
      tally.passed += vitest.passed;
      tally.failed += vitest.failed;
      tally.skipped += vitest.skipped;
      tally.runs += 1;
      continue;
    }
    const schemathesis = SCHEMATHESIS.exec(line);
    if (schemathesis) {
      tally.passed += Number(schemathesis[1]);
      tally.failed += Number(schemathesis[2]);
      tally.skipped += Number(schemathesis[3] ?? 0);
      tally.runs += 1;
    }
  }
  return tally;
}

/** `P passed, F failed` (`, S skipped` when S > 0); `0 passed, 1 failed` when no runner reported. */
export function formatTally(tally: Tally): string {
  if (tally.runs === 0) return '0 passed, 1 failed';
  return `${tally.passed} passed, ${tally.failed} failed${tally.skipped > 0 ? `, ${tally.skipped} skipped` : ''}`;
}

/** Run as a script (also through a symlinked checkout: import.meta.url is the real path), not imported. */
function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const path = process.argv[2];
  let log = '';
  try {
    if (path) log = readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(`test-tally: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.stdout.write(`${formatTally(tallyLog(log))}\n`);
}
