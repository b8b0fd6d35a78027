import { ApiContractError, ApiError } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { describeError, isApiError, shouldRetry } from './errors';
import { i18n } from './i18n';

const t = i18n.t.bind(i18n);

describe('describeError', () => {
  it('shows the API’s own localized message, what to do next, and the request id', () => {
    const error = new ApiError('completeTask', 409, { code: 'engagement_not_running', message: '项目已暂停或已结束，不能办理', requestId: 'req-42' }, true);
    expect(isApiError(error, 'engagement_not_running')).toBe(true);
    expect(describeError(error, t)).toEqual({ title: '项目已暂停或已结束，不能办理', hint: '请联系项目经理或合伙人恢复项目后再办理。', requestId: 'req-42', code: 'engagement_not_running' });
  });

  it('says the server is unreachable when a proxy answered instead of the API, or the network failed', () => {
    const gateway = new ApiError('getMe', 502, { code: 'internal', message: 'HTTP 502 Bad Gateway', requestId: 'unknown' }, false);
    expect(describeError(gateway, t).title).toBe('无法连接到服务器');
    expect(describeError(new TypeError('Failed to fetch'), t).title).toBe('无法连接到服务器');
  });

  it('asks for a reload when the API and the page disagree about the contract', () => {
    expect(describeError(new ApiContractError('getTask', []), t).hint).toBe('请刷新页面；如仍出现，请联系管理员。');
  });
});

describe('shouldRetry', () => {
  it('retries network and server failures, never client errors', () => {
    expect(shouldRetry(0, new ApiError('getTask', 404, { code: 'not_found', message: 'x', requestId: 'r' }, true))).toBe(false);
    expect(shouldRetry(0, new ApiError('getTask', 503, { code: 'not_ready', message: 'x', requestId: 'r' }, true))).toBe(true);
    expect(shouldRetry(2, new TypeError('Failed to fetch'))).toBe(false);
  });
});
