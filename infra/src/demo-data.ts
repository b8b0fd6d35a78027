// Whether `pnpm start` puts the demo accounts and the demo engagement into its database, and the flags it takes.

/** The command-line flag that asks for demo data on a database named by DATABASE_URL (or in production). */
export const DEMO_FLAG = '--demo';
/** The command-line flag for the production mode: built apps, restarts, log files. */
export const PRODUCTION_FLAG = '--production';

export interface DemoDataInput {
  /** The stack runs its own embedded PostgreSQL (DATABASE_URL unset). */
  isEmbeddedDatabase: boolean;
  /** `pnpm start --demo`. */
  isDemoRequested: boolean;
  /** `pnpm start --production`: a firm's own installation, whatever its database. */
  isProduction?: boolean;
}

/**
 * The demo accounts share one published password, so they go only where nobody's real data
 * lives: the embedded throw-away database of a laptop in development, or a server someone
 * explicitly asked to fill with demo data. A DATABASE_URL alone may be a firm's production
 * server, and the production mode is a firm's own installation even on the embedded database.
 */
export function shouldSeedDemoData({
  isEmbeddedDatabase,
  isDemoRequested,
  isProduction = false,
}: DemoDataInput): boolean {
  return (isEmbeddedDatabase && !isProduction) || isDemoRequested;
}

/** The flags start-stack.ts accepts (`--supervised` comes from start.ts); anything else is a mistake to report. */
export function parseStartArgs(args: readonly string[]): {
  isSupervised: boolean;
  isDemoRequested: boolean;
  isProduction: boolean;
} {
  const unknown = args.filter(
    (arg) => arg !== '--supervised' && arg !== DEMO_FLAG && arg !== PRODUCTION_FLAG && arg !== '--',
  );
  if (unknown.length > 0) {
    throw new Error(
      `unknown argument${unknown.length > 1 ? 's' : ''} for pnpm start: ${unknown.join(' ')} (the options are ${PRODUCTION_FLAG} and ${DEMO_FLAG})`,
    );
  }
  return {
    isSupervised: args.includes('--supervised'),
    isDemoRequested: args.includes(DEMO_FLAG),
    isProduction: args.includes(PRODUCTION_FLAG),
  };
}
