// Unit tests of scripts/lib/schemathesis-summary.ts (here because vitest includes src/ only).
import { describe, expect, it } from 'vitest';
import { failureSection, parseSchemathesisCases, schemathesisCasesLine } from '../scripts/lib/schemathesis-summary';

// The close of a real `st run --no-color --max-examples 5` against this API (schemathesis 4.32.5).
const passingRun = `Schemathesis v4.32.5
━━━━━━━━━━━━━━━━━━━━

 ✅  Loaded specification from http://127.0.0.1:44691/api/openapi.json (in
 1.12s)

     Operations:       38 selected / 38 total

 ⏭   Examples (in 0.36s)

     ⏭  38 skipped

 ✅  Coverage (in 46.21s)

     ✅ 38 passed

 ✅  Stateful (in 1.14s)

     Scenarios:    5
     API Links:    1 covered / 69 selected / 69 total (69 inferred)

     ✅ 5 passed

=================================== SUMMARY ====================================

API Operations:
  Selected: 38/38
  Tested: 38

Test Phases:
  ⏭  Examples
  ✅ Coverage
  ✅ Fuzzing
  ✅ Stateful

Warnings:
  ⚠️ Authentication failed: 8 operations returned only 401/403 responses

Test cases:
  2057 generated, 2057 passed

Seed: 125077935638769918909245899763014715497

============================= 3 warnings in 53.89s =============================
`;

// The shapes of schemathesis/cli/output.py `display_test_cases`, as a failing run prints them.
const failingRun = `=================================== SUMMARY ====================================

API Operations:
  Selected: 38/38
  Tested: 37
  Errored: 1

Failures:
  ❌ Server error: 3
  ❌ Response violates schema: 2

Errors:
  🚫 Network Error: 1

Test cases:
  412 generated, 3 found 5 unique failures, 2 errored, 7 skipped

Seed: 211484330817290117421744233937186617785

============= 5 failures, 1 error, 1 warning in 31.07s ==============
`;

describe('parseSchemathesisCases', () => {
  it('reads the totals of a passing run, not the per-phase operation counts', () => {
    expect(parseSchemathesisCases(passingRun)).toEqual({ generated: 2057, passed: 2057, failed: 0, skipped: 0 });
    expect(schemathesisCasesLine(passingRun)).toBe('schemathesis cases: 2057 passed, 0 failed');
  });

  it('counts cases with failures and errored cases as failed, cases without checks as skipped', () => {
    expect(parseSchemathesisCases(failingRun)).toEqual({ generated: 412, passed: 400, failed: 5, skipped: 7 });
    expect(schemathesisCasesLine(failingRun)).toBe('schemathesis cases: 400 passed, 5 failed, 7 skipped');
    const oneFailure = 'Test cases:\n  90 generated, 1 found 1 unique failure\n';
    expect(schemathesisCasesLine(oneFailure)).toBe('schemathesis cases: 89 passed, 1 failed');
  });

  it('does not take "passed" at its word when cases errored or ran without checks', () => {
    // Without a unique failure, "passed" is the number generated even when some cases errored.
    expect(parseSchemathesisCases('Test cases:\n  100 generated, 100 passed, 4 errored, 6 skipped\n')).toEqual({ generated: 100, passed: 90, failed: 4, skipped: 6 });
    // Every case errored or unchecked: no "passed" part at all.
    expect(parseSchemathesisCases('Test cases:\n  10 generated, 4 errored, 6 skipped\n')).toEqual({ generated: 10, passed: 0, failed: 4, skipped: 6 });
  });

  it('ignores colour codes', () => {
    const coloured = '\u001b[1mTest cases:\u001b[0m\n  \u001b[1m2057\u001b[0m generated, \u001b[1m2057\u001b[0m passed\n';
    expect(schemathesisCasesLine(coloured)).toBe('schemathesis cases: 2057 passed, 0 failed');
  });

  it('reports a run that generated nothing, crashed or changed its wording as a failure', () => {
    expect(parseSchemathesisCases('Test cases:\n  No test cases were generated\n\n')).toEqual({ generated: 0, passed: 0, failed: 0, skipped: 0 });
    expect(schemathesisCasesLine('Test cases:\n  No test cases were generated\n\n')).toBe('schemathesis cases: 0 passed, 1 failed');
    expect(schemathesisCasesLine('Test Execution Error\nTraceback (most recent call last):\n')).toBe('schemathesis cases: 0 passed, 1 failed');
    expect(parseSchemathesisCases('Test cases:\n  2057 cases generated, all passed\n')).toBeUndefined();
    expect(parseSchemathesisCases('Test cases:\n  2057 generated, 2057 passed, 3 flaky\n')).toBeUndefined();
    expect(schemathesisCasesLine('')).toBe('schemathesis cases: 0 passed, 1 failed');
  });

  it('sums several runs into one line, a run without totals counting as one failure', () => {
    expect(schemathesisCasesLine([passingRun, failingRun])).toBe('schemathesis cases: 2457 passed, 5 failed, 7 skipped');
    expect(schemathesisCasesLine([passingRun, 'Test cases:\n  No test cases were generated\n', ''])).toBe('schemathesis cases: 2057 passed, 2 failed');
    expect(schemathesisCasesLine([])).toBe('schemathesis cases: 0 passed, 1 failed');
  });
});

describe('failureSection', () => {
  const withFailures = `Test Phases:\n  ✅ Fuzzing\n\n=================================== FAILURES ===================================\n_______________________________ GET /api/things ________________________________\n1. Test Case ID: abc\n- Server error\n\n=================================== SUMMARY ====================================\nTest cases:\n  9 generated, 1 found 1 unique failure\n`;

  it('cuts the FAILURES section out of a run, from its heading to the next heading', () => {
    expect(failureSection(withFailures)).toBe('=================================== FAILURES ===================================\n_______________________________ GET /api/things ________________________________\n1. Test Case ID: abc\n- Server error');
  });

  it('finds none in a passing run and shortens a long one', () => {
    expect(failureSection(passingRun)).toBeUndefined();
    const long = failureSection(withFailures, 20);
    expect(long?.startsWith('='.repeat(20))).toBe(true);
    expect(long).toMatch(/more characters in the full log\)$/);
  });
});
