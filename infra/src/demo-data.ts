// Whether `pnpm start` puts the demo accounts and the demo engagement into its database.

/** The command-line flag that asks for demo data on a database named by DATABASE_URL. */
export const DEMO_FLAG = '--demo';

export interface DemoDataInput {
  /** The stack runs its own embedded PostgreSQL (DATABASE_URL unset). */
  isEmbeddedDatabase: boolean;
  /** `pnpm start --demo`. */
  isDemoRequested: boolean;
}

/**
 * The demo accounts share one published password, so they go only where nobody's real data
 * lives: the embedded throw-away database of a laptop, or a server someone explicitly asked to
 * fill with demo data. A DATABASE_URL alone may be a firm's production server.
 */
export function shouldSeedDemoData({ isEmbeddedDatabase, isDemoRequested }: DemoDataInput): boolean {
  return isEmbeddedDatabase || isDemoRequested;
}

/** The flags start-stack.ts accepts (`--supervised` comes from start.ts); anything else is a mistake to report. */
export function parseStartArgs(args: readonly string[]): { isSupervised: boolean; isDemoRequested: boolean } {
  const unknown = args.filter((arg) => arg !== '--supervised' && arg !== DEMO_FLAG && arg !== '--');
  if (unknown.length > 0) throw new Error(`unknown argument${unknown.length > 1 ? 's' : ''} for pnpm start: ${unknown.join(' ')} (the only one is ${DEMO_FLAG})`);
  return { isSupervised: args.includes('--supervised'), isDemoRequested: args.includes(DEMO_FLAG) };
}
