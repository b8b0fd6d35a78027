/** Paths whose last segment is a credential (a respondent's single-use questionnaire link, a resident's 公示 comment link, a calendar feed's address). */
const CREDENTIAL_PATHS = [/^(\/api\/public\/questionnaires\/)[^/?#]+/, /^(\/api\/public\/adoption-comments\/)[^/?#]+/, /^(\/api\/public\/calendar\/)[^/?#]+/];

/** The URL as it may be logged: credentials in the path masked. */
export function urlForLog(url: string): string {
  return CREDENTIAL_PATHS.reduce((masked, pattern) => masked.replace(pattern, '$1[redacted]'), url);
}

/** How a request is written to the log (method, masked URL, host, address): pino's `req` serializer. */
export function requestForLog(request: { method?: string; url?: string; host?: string; hostname?: string; ip?: string; socket?: { remoteAddress?: string } }) {
  return {
    method: request.method,
    url: request.url === undefined ? undefined : urlForLog(request.url),
    host: request.host ?? request.hostname,
    remoteAddress: request.ip ?? request.socket?.remoteAddress,
  };
}
