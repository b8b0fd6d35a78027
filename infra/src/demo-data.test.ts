import { describe, expect, it } from 'vitest';
import { parseStartArgs, shouldSeedDemoData } from './demo-data';

describe('shouldSeedDemoData', () => {
  it('seeds the embedded database, a DATABASE_URL server only when asked', () => {
    expect(shouldSeedDemoData({ isEmbeddedDatabase: true, isDemoRequested: false })).toBe(true);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: false, isDemoRequested: false })).toBe(false);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: false, isDemoRequested: true })).toBe(true);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: true, isDemoRequested: true })).toBe(true);
  });
});

describe('parseStartArgs', () => {
  it('reads --demo and --supervised, and refuses anything else', () => {
    expect(parseStartArgs([])).toEqual({ isSupervised: false, isDemoRequested: false });
    expect(parseStartArgs(['--supervised', '--demo'])).toEqual({ isSupervised: true, isDemoRequested: true });
    // pnpm passes `--` through when someone writes `pnpm start -- --demo`.
    expect(parseStartArgs(['--supervised', '--', '--demo'])).toEqual({ isSupervised: true, isDemoRequested: true });
    expect(() => parseStartArgs(['--supervised', '--dmeo'])).toThrow(/--dmeo/);
  });
});
