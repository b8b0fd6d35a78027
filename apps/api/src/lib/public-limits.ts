/** Rate limits for the pages residents open without signing in (questionnaires, 公示 comments), per address. */
export const PUBLIC_READ_LIMIT = { max: 120, timeWindow: 60_000 };
export const PUBLIC_SUBMIT_LIMIT = { max: 60, timeWindow: 60_000 };
