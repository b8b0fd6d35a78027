import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { tokenState } from '../api/api-tokens';
import { CreateTokenForm, grantableScopes } from './api-tokens';
import { ChangePasswordForm } from './change-password-form';

/** antd puts the test id on the checkbox's input or on its wrapper, depending on the version. */
const scopeBox = (scope: string): HTMLInputElement => {
  const element = screen.getByTestId(`token-scope-${scope}`);
  return (element instanceof HTMLInputElement ? element : element.querySelector('input')) as HTMLInputElement;
};
const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ChangePasswordForm', () => {
  it('says before anything is submitted that other sessions end and every API token is revoked', () => {
    renderWithProviders(<ChangePasswordForm />);
    const warning = screen.getByTestId('password-consequences');
    expect(warning.textContent).toContain('其他浏览器和设备上的登录将全部退出');
    expect(warning.textContent).toContain('全部 API 令牌和日历订阅地址也将立即失效');
  });

  it('asks for twelve characters and the same new password twice before sending anything', async () => {
    renderWithProviders(<ChangePasswordForm />);
    fill('当前密码', 'old-password');
    fill('新密码', 'too-short');
    fill('再次输入新密码', 'something-else');
    fireEvent.click(screen.getByTestId('change-password-submit'));
    expect(await screen.findByText('新密码至少需要 12 个字符')).toBeTruthy();
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();
  });
});

describe('CreateTokenForm', () => {
  it('offers the admin scope to administrators only, with read and write chosen by default', () => {
    expect(grantableScopes(false)).toEqual(['read', 'write']);
    expect(grantableScopes(true)).toEqual(['read', 'write', 'admin']);
    const { unmount } = renderWithProviders(<CreateTokenForm isAdmin={false} onCreated={vi.fn()} />);
    expect(screen.queryByTestId('token-scope-admin')).toBeNull();
    expect(scopeBox('read').checked).toBe(true);
    expect(scopeBox('write').checked).toBe(true);
    unmount();
    renderWithProviders(<CreateTokenForm isAdmin onCreated={vi.fn()} />);
    expect(scopeBox('admin').checked).toBe(false);
  });

  it('needs a name and at least one scope', async () => {
    const onCreated = vi.fn();
    renderWithProviders(<CreateTokenForm isAdmin={false} onCreated={onCreated} />);
    fireEvent.click(scopeBox('read'));
    fireEvent.click(scopeBox('write'));
    fireEvent.click(screen.getByTestId('create-token-submit'));
    expect(await screen.findByText('请填写令牌名称')).toBeTruthy();
    expect(await screen.findByText('请至少选择一项权限')).toBeTruthy();
    await waitFor(() => expect(onCreated).not.toHaveBeenCalled());
  });
});

describe('tokenState', () => {
  it('tells active, revoked and expired tokens apart', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-12-02T00:00:00Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-11-30T00:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
  });
});
