import { describe, expect, it } from 'vitest';
import { requestForLog, urlForLog } from './log-safety';

describe('what a log line may say about a request', () => {
  it('masks a questionnaire link token and leaves other paths alone', () => {
    expect(urlForLog('/api/public/questionnaires/Zx9_secret-token-value-12345')).toBe('/api/public/questionnaires/[redacted]');
    expect(urlForLog('/api/public/questionnaires/Zx9_secret?lang=en')).toBe('/api/public/questionnaires/[redacted]?lang=en');
    expect(urlForLog('/api/public/adoption-comments/Zx9_secret-token-value-12345')).toBe('/api/public/adoption-comments/[redacted]');
    expect(urlForLog('/api/public/calendar/gzc_Zx9_secret-token-value-12345')).toBe('/api/public/calendar/[redacted]');
    expect(urlForLog('/api/engagements/0195f2a0-0000-7000-8000-00000000de00/questionnaires')).toBe('/api/engagements/0195f2a0-0000-7000-8000-00000000de00/questionnaires');
    expect(requestForLog({ method: 'POST', url: '/api/public/questionnaires/abc', ip: '10.0.0.8' })).toEqual({ method: 'POST', url: '/api/public/questionnaires/[redacted]', host: undefined, remoteAddress: '10.0.0.8' });
  });
});
