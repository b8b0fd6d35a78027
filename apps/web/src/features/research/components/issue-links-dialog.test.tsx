import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { linksCsv, linkUrl } from '../api/issue-links';
import { IssueLinksDialog } from './issue-links-dialog';

const ENGAGEMENT = '0190a0b0-0000-7000-8000-0000000000e1';
const QUESTIONNAIRE = {
  id: '0190a0b0-0000-7000-8000-0000000000f1',
  title: '安定门街道社区治理情况调查问卷（居民代表、业主委员会）',
};
const community = { key: 'fensiting', name: '分司厅社区' };
const tokens = ['TokenAAAAAAAAAAAAAAAAAAAAAAA1', 'TokenBBBBBBBBBBBBBBBBBBBBBBBB2'];

// The dialog talks to the API through the app's typed client; `fetch` answers as the API would.
const requests: { url: string; body: unknown }[] = [];
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  const body = init?.body ? (JSON.parse(String(init.body)) as { count: number; community: string | null }) : null;
  requests.push({ url: String(input), body });
  const links = tokens
    .slice(0, body?.count ?? 0)
    .map((token, index) => ({ id: `0190a0b0-0000-7000-8000-00000000010${index}`, token, path: `/q/${token}` }));
  return new Response(JSON.stringify({ links, community: body?.community ? community : null }), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });
});
afterEach(() => {
  requests.length = 0;
});

describe('links as a PM hands them out', () => {
  it('are full URLs, and a CSV Excel reads as Chinese text', () => {
    expect(linkUrl('https://gongzhi.example.cn/', '/q/abc')).toBe('https://gongzhi.example.cn/q/abc');
    const csv = linksCsv(
      ['序号', '社区', '链接'],
      [
        { community: '分司厅社区', url: 'https://x/q/a' },
        { community: '国子监社区, 东', url: 'https://x/q/b' },
      ],
    );
    expect(csv).toBe('\uFEFF序号,社区,链接\r\n1,分司厅社区,https://x/q/a\r\n2,"国子监社区, 东",https://x/q/b\r\n');
  });
});

describe('IssueLinksDialog', () => {
  it('issues the links, shows them once as full URLs, and downloads them as 序号,社区,链接', async () => {
    const onClose = vi.fn();
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:links';
    });
    renderWithProviders(
      <IssueLinksDialog
        open
        engagementId={ENGAGEMENT}
        questionnaire={QUESTIONNAIRE}
        communities={[community]}
        onClose={onClose}
      />,
    );
    const count = screen.getByLabelText('链接数量');
    fireEvent.change(count, { target: { value: '' } });
    expect(await screen.findByText('请填写 1 至 500 之间的整数')).toBeTruthy();
    expect((screen.getByTestId('generate-links') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(count, { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('generate-links'));

    const issued = await screen.findByTestId('issued-links', undefined, { timeout: 10_000 });
    expect(requests).toEqual([
      {
        url: `/api/engagements/${ENGAGEMENT}/questionnaires/${QUESTIONNAIRE.id}/links`,
        body: { count: 2, community: null },
      },
    ]);
    expect(within(issued).getByTestId('links-once-warning').textContent).toContain('链接只显示这一次');
    const urls = within(issued)
      .getAllByTestId('issued-link')
      .map((item) => item.textContent);
    expect(urls).toEqual(tokens.map((token) => `${window.location.origin}/q/${token}`));

    fireEvent.click(screen.getByTestId('download-links'));
    expect(saved).toHaveLength(1);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await saved[0]?.arrayBuffer());
    expect(text).toBe(`\uFEFF序号,社区,链接\r\n1,,${urls[0]}\r\n2,,${urls[1]}\r\n`);
    fireEvent.click(screen.getByTestId('links-done'));
    expect(onClose).toHaveBeenCalled();
  });

  it('asks before closing on links neither copied nor downloaded', async () => {
    const onClose = vi.fn();
    renderWithProviders(
      <IssueLinksDialog
        open
        engagementId={ENGAGEMENT}
        questionnaire={QUESTIONNAIRE}
        communities={[]}
        onClose={onClose}
      />,
    );
    fireEvent.click(screen.getByTestId('generate-links'));
    await screen.findByTestId('issued-links', undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('links-done'));
    expect((await screen.findAllByText('还没有复制或下载链接')).length).toBeGreaterThan(0);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '仍然关闭' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
