// The token-scope rules as pure functions, over the whole contract registry: which scopes each
// operation needs, and every combination of scopes against every operation.
import { describe, expect, it } from 'vitest';
import { isStateChanging, operationList, operations } from '@gongzhi/contracts';
import { TOKEN_SCOPES, type TokenScope } from '@gongzhi/domain';
import { decideTokenScopes, isAdminOnly, missingScopesMessage, requiredScopes } from './access-policy';

/** Every subset of the scopes, the empty one included. */
const scopeSets: TokenScope[][] = Array.from({ length: 2 ** TOKEN_SCOPES.length }, (_, mask) => TOKEN_SCOPES.filter((_scope, index) => mask & (1 << index)));

describe('requiredScopes', () => {
  it('asks read of every GET, write of every change, and admin on top for administrators’ operations', () => {
    expect(requiredScopes(operations.listEngagements)).toEqual(['read']);
    expect(requiredScopes(operations.completeTask)).toEqual(['write']);
    expect(requiredScopes(operations.createUser)).toEqual(['write', 'admin']);
    expect(requiredScopes(operations.getMetrics)).toEqual(['read', 'admin']);
    // Shared with PMs and partners: not an administrators' operation.
    expect(requiredScopes(operations.listUsers)).toEqual(['read']);
    expect(operationList.filter((operation) => isAdminOnly(operation.permission)).map((operation) => operation.id).sort()).toEqual(['createUser', 'getMetrics', 'resetUserPassword', 'updateUser']);
  });
});

describe('decideTokenScopes', () => {
  it('lets a token through exactly when it holds every scope the operation needs, and never limits sessions', () => {
    const mismatches: string[] = [];
    for (const operation of operationList) {
      const isPublic = operation.permission.auth === 'public';
      const needsAdmin = ['createUser', 'updateUser', 'resetUserPassword', 'getMetrics'].includes(operation.id);
      for (const scopes of scopeSets) {
        const hasAccessScope = scopes.includes(isStateChanging(operation.method) ? 'write' : 'read');
        const expected = isPublic || (hasAccessScope && (!needsAdmin || scopes.includes('admin')));
        const decision = decideTokenScopes(operation, scopes);
        if (decision.ok !== expected) mismatches.push(`${operation.id} with [${scopes.join(',')}]: ${decision.ok}`);
        if (!decision.ok && decision.missing.some((scope) => scopes.includes(scope))) mismatches.push(`${operation.id}: names a scope the token has`);
      }
      if (!decideTokenScopes(operation, null).ok) mismatches.push(`${operation.id}: refused a session`);
    }
    expect(mismatches).toEqual([]);
  });

  it('names the missing scopes in both languages', () => {
    expect(missingScopesMessage(['write'])).toEqual({ zh: '此 API 令牌没有执行该操作的权限（需要“写入”权限）', en: 'This API token is not allowed to do this (it needs the “write” scope)' });
    expect(missingScopesMessage(['admin', 'write'])).toEqual({
      zh: '此 API 令牌没有执行该操作的权限（需要“写入”、“管理”权限）',
      en: 'This API token is not allowed to do this (it needs the “write” and “admin” scopes)',
    });
  });
});
