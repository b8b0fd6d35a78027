import { describe, expect, it } from 'vitest';
import { parseStartArgs, shouldSeedDemoData } from './demo-data';

describe('shouldSeedDemoData', () => {
  it('seeds the embedded database in development, anything else only when asked', () => {
    expect(shouldSeedDemoData({ isEmbeddedDatabase: true, isDemoRequested: false })).toBe(true);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: false, isDemoRequested: false })).toBe(false);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: false, isDemoRequested: true })).toBe(true);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: true, isDemoRequested: true })).toBe(true);
    // Production on the embedded database is a firm's own installation.
    expect(shouldSeedDemoData({ isEmbeddedDatabase: true, isDemoRequested: false, isProduction: true })).toBe(false);
    expect(shouldSeedDemoData({ isEmbeddedDatabase: true, isDemoRequested: true, isProduction: true })).toBe(true);
  });
});

describe('parseStartArgs', () => {
  it('reads --production, --demo and --supervised, and refuses anything else', () => {
    expect(parseStartArgs([])).toEqual({ isSupervised: false, isDemoRequested: false, isProduction: false });
    expect(parseStartArgs(['--supervised', '--demo'])).toEqual({
      isSupervised: true,
      isDemoRequested: true,
      isProduction: false,
    });
    // pnpm passes `--` through when someone writes `pnpm start -- --demo`.
    expect(parseStartArgs(['--supervised', '--', '--demo'])).toEqual({
      isSupervised: true,
      isDemoRequested: true,
      isProduction: false,
    });
    expect(parseStartArgs(['--supervised', '--production'])).toEqual({
      isSupervised: true,
      isDemoRequested: false,
      isProduction: true,
    });
    expect(() => parseStartArgs(['--supervised', '--dmeo'])).toThrow(
      'unknown argument for pnpm start: --dmeo (the options are --production and --demo)',
    );
  });
});
