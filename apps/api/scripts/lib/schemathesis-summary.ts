// Reads the test-case totals out of `st run`'s output, for the one line the schemathesis script
// prints after st exits (`schemathesis cases: N passed, N failed[, N skipped]`), which the test
// command's tally (infra/src/test-tally.ts) adds to the vitest runs.
//
// schemathesis 4.32.5 closes its SUMMARY section with (schemathesis/cli/output.py,
// `display_test_cases`):
//
//   Test cases:
//     5893 generated, 5893 passed                                  no new failure
//     412 generated, 3 found 5 unique failures, 2 errored, 7 skipped
//     No test cases were generated
//
// `passed` there is the number generated whenever no unique failure was found, even if some cases
// errored or ran without any check; `found` is the number of cases with a unique failure. The
// kinds are disjoint (schemathesis/engine/statistic.py), so here: failed = with failures +
// errored, skipped = without checks, passed = the rest.
import { stripVTControlCharacters } from 'node:util';

export interface SchemathesisCases {
  generated: number;
  passed: number;
  failed: number;
  skipped: number;
}

/** The totals of the last `Test cases:` block, or undefined when there is none or it reads differently. */
export function parseSchemathesisCases(output: string): SchemathesisCases | undefined {
  const lines = stripVTControlCharacters(output).split(/\r\n|\r|\n/).map((line) => line.trim());
  const header = lines.lastIndexOf('Test cases:');
  if (header === -1) return undefined;
  const body = lines.slice(header + 1).find((line) => line !== '');
  if (body === undefined) return undefined;
  if (body === 'No test cases were generated') return { generated: 0, passed: 0, failed: 0, skipped: 0 };

  const [first, ...rest] = body.split(', ');
  const generated = /^(\d+) generated$/.exec(first ?? '');
  if (!generated) return undefined;
  let withFailures = 0;
  let errored = 0;
  let withoutChecks = 0;
  for (const part of rest) {
    let match: RegExpExecArray | null;
    if (/^\d+ passed$/.test(part)) continue;
    else if ((match = /^(\d+) found \d+ unique failures?$/.exec(part))) withFailures = Number(match[1]);
    else if ((match = /^(\d+) errored$/.exec(part))) errored = Number(match[1]);
    else if ((match = /^(\d+) skipped$/.exec(part))) withoutChecks = Number(match[1]);
    else return undefined;
  }
  const total = Number(generated[1]);
  const failed = withFailures + errored;
  return { generated: total, passed: Math.max(0, total - failed - withoutChecks), failed, skipped: withoutChecks };
}

/**
 * `schemathesis cases: N passed, N failed[, N skipped]`, for the output of one `st run` or the
 * totals of several. Output without the totals (st crashed, or a new version words them
 * differently) and a run that generated nothing count as one failed case each, so neither passes
 * unnoticed.
 */
export function schemathesisCasesLine(output: string | readonly string[]): string {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const run of typeof output === 'string' ? [output] : output) {
    const cases = parseSchemathesisCases(run);
    if (cases === undefined || cases.generated === 0) {
      total.failed += 1;
      continue;
    }
    total.passed += cases.passed;
    total.failed += cases.failed;
    total.skipped += cases.skipped;
  }
  if (total.passed + total.failed + total.skipped === 0) total.failed = 1;
  return `schemathesis cases: ${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`;
}

/**
 * The `FAILURES` section of one `st run`'s output (its heading up to the next `=== … ===`
 * heading), at most `limit` characters, or undefined when the run printed none. The script
 * prints these again after every run has finished: CI keeps only the end of a long log, and a
 * failure found in the first of twelve runs would otherwise scroll out of it.
 */
export function failureSection(output: string, limit = 12_000): string | undefined {
  const lines = stripVTControlCharacters(output).split(/\r\n|\r|\n/);
  const heading = /^=+ (.+?) =+$/;
  const start = lines.findIndex((line) => heading.exec(line.trim())?.[1] === 'FAILURES');
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && heading.test(line.trim()));
  const section = lines.slice(start, end === -1 ? undefined : end).join('\n').trimEnd();
  return section.length > limit ? `${section.slice(0, limit)}\n… (${section.length - limit} more characters in the full log)` : section;
}
