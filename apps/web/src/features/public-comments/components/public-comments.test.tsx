import { ApiError } from '@gongzhi/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { PublicAdoptionDraft } from '../api/public-comments';
import { noticePeriodParts } from '../utils/comments';
import { CommentLinkStatePage, commentLinkStateOf, PublicCommentForm, PublicCommentsPage } from './public-comments';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx_-12';
const draft: PublicAdoptionDraft = {
  title: '关于7号楼加装电梯的决定（草案）',
  community: '安定门社区',
  askedBy: '安定门社区居民委员会（协助业主征求意见）',
  instrument: 'owners_rules',
  noticeFrom: '2026-11-27',
  noticeTo: '2026-12-07',
  location: '7号楼各单元门公告栏',
  limits: { comments: 3, body: 1000, clause: 40, signedAs: 40 },
};

/*
 * The page talks to the API through the app's typed client: here `fetch` answers as the API would
 * (the real API is exercised by e2e/public-comments.e2e.test.ts).
 */
type Reply = { status: number; body: unknown };
let replies: Reply[] = [];
const requests: { method: string; url: string; body: unknown }[] = [];
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  requests.push({
    method: init?.method ?? 'GET',
    url: String(input),
    body: init?.body ? JSON.parse(String(init.body)) : null,
  });
  const reply = replies.shift();
  if (!reply) throw new TypeError('Failed to fetch');
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { 'content-type': 'application/json' },
  });
});
const apiError = (code: string, status: number, message: string, fieldErrors?: unknown[]) => ({
  status,
  body: { error: { code, message, requestId: 'req-1', ...(fieldErrors ? { fieldErrors } : {}) } },
});

afterEach(() => {
  replies = [];
  requests.length = 0;
});

const cards = () => screen.getAllByTestId('comment-card');
const inCard = (index: number) => within(cards()[index] as HTMLElement);
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

describe('PublicCommentForm', () => {
  it('says what the draft is, who asks, the notice period, where the full text is posted, and the rules', () => {
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(draft.title);
    expect(screen.getByTestId('comments-kind').textContent).toContain('业主共同决定事项');
    expect(screen.getByTestId('comments-asked-by').textContent).toBe(draft.askedBy);
    expect(screen.getByTestId('comments-community').textContent).toContain('社区：安定门社区');
    expect(screen.getByTestId('comments-notice').textContent).toBe('公示期：2026年11月27日至12月7日');
    expect(screen.getByTestId('comments-location').textContent).toBe('草案全文张贴于：7号楼各单元门公告栏');
    expect(screen.getByTestId('comments-note').textContent).toBe('每个链接只能提交一次；可以署名，也可以匿名。');
    // One card to start with, which cannot be removed; its fields are labelled.
    expect(cards()).toHaveLength(1);
    expect(screen.queryByTestId('comment-remove')).toBeNull();
    expect(screen.getByLabelText('涉及条款（选填）')).toBeTruthy();
    expect(screen.getByLabelText('署名（选填）')).toBeTruthy();
    expect(screen.getByTestId('comments-submit').textContent?.replace(/\s/g, '')).toBe('提交意见');
  });

  it('names a residents’ convention draft as such', () => {
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={{ ...draft, instrument: 'residents_convention' }} />);
    expect(screen.getByTestId('comments-kind').textContent).toContain('居民公约草案');
  });

  it('adds cards up to the link’s limit, removes one, and counts the characters of a comment', () => {
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    type(inCard(0).getByTestId('comment-body'), '电梯运行费用');
    expect(cards()[0]?.textContent).toContain('6 / 1000');
    fireEvent.click(screen.getByTestId('comment-add'));
    fireEvent.click(screen.getByTestId('comment-add'));
    expect(cards()).toHaveLength(3);
    // Three is this link's limit: no more button, a word instead.
    expect(screen.queryByTestId('comment-add')).toBeNull();
    expect(screen.getByTestId('comment-limit').textContent).toBe('每个链接最多提交 3 条意见');
    type(inCard(2).getByTestId('comment-body'), '第三条意见');
    fireEvent.click(screen.getByRole('button', { name: '删除意见 2' }));
    expect(cards()).toHaveLength(2);
    expect(inCard(1).getByText('意见 2')).toBeTruthy();
    expect((inCard(1).getByTestId('comment-body') as HTMLTextAreaElement).value).toBe('第三条意见');
    expect(screen.getByTestId('comment-add')).toBeTruthy();
  });

  it('checks before sending: a blank comment says so under its card, and nothing is sent', async () => {
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    fireEvent.click(screen.getByTestId('comment-add'));
    type(inCard(0).getByTestId('comment-body'), '施工期间请保证消防通道畅通。');
    type(inCard(1).getByTestId('comment-clause'), '第三条');
    type(inCard(1).getByTestId('comment-body'), '   ');
    fireEvent.click(screen.getByTestId('comments-submit'));
    await screen.findByTestId('comments-errors');
    expect(inCard(0).queryByTestId('comment-error')).toBeNull();
    expect(inCard(1).getByTestId('comment-error').textContent).toBe('请填写意见内容');
    expect(cards()[1]?.className).toContain('has-error');
    expect(screen.getByTestId('comments-errors').textContent).toContain('还有 1 处需要填写或修改');
    expect(requests).toHaveLength(0);
    // Writing the comment clears its message at once.
    type(inCard(1).getByTestId('comment-body'), '电梯运行费用应按楼层分摊。');
    await waitFor(() => expect(screen.queryByTestId('comment-error')).toBeNull());
    expect(screen.queryByTestId('comments-errors')).toBeNull();
  });

  it('sends the comments (clause only where given, signed if signed) and thanks the resident', async () => {
    replies = [{ status: 201, body: { received: true } }];
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    type(inCard(0).getByTestId('comment-clause'), ' 第三条 ');
    type(inCard(0).getByTestId('comment-body'), '  电梯运行和维护费用应按楼层分摊，一层住户不应承担。 ');
    fireEvent.click(screen.getByTestId('comment-add'));
    type(inCard(1).getByTestId('comment-body'), '施工期间请保证消防通道畅通。');
    type(screen.getByTestId('comment-signed-as'), '3号楼居民 王女士');
    fireEvent.click(screen.getByTestId('comments-submit'));
    const state = await screen.findByTestId('public-state');
    expect(state.getAttribute('data-state')).toBe('thanks');
    expect(state.textContent).toContain('感谢您的意见！');
    expect(state.textContent).toContain('社区将在公示期内逐条研究答复。');
    expect(screen.getByTestId('comments-receipt').textContent).toBe(`${draft.title}已提交 2 条意见`);
    expect(requests).toEqual([
      {
        method: 'POST',
        url: `/api/public/adoption-comments/${TOKEN}`,
        body: {
          comments: [
            { clause: '第三条', body: '电梯运行和维护费用应按楼层分摊，一层住户不应承担。' },
            { body: '施工期间请保证消防通道畅通。' },
          ],
          signedAs: '3号楼居民 王女士',
        },
      },
    ]);
  });

  it('sends an anonymous comment without a signature', async () => {
    replies = [{ status: 201, body: { received: true } }];
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    type(inCard(0).getByTestId('comment-body'), '支持加装电梯。');
    type(screen.getByTestId('comment-signed-as'), '   ');
    fireEvent.click(screen.getByTestId('comments-submit'));
    await screen.findByTestId('public-state');
    expect(requests[0]?.body).toEqual({ comments: [{ body: '支持加装电梯。' }] });
  });

  it('shows the server’s refusal under the card it names, and turns a used link into its own page', async () => {
    replies = [
      apiError('form_invalid', 422, '表单填写有误', [
        { field: 'comments.1.body', code: 'required', message: '第 2 条意见没有内容' },
      ]),
    ];
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    type(inCard(0).getByTestId('comment-body'), '电梯运行费用应按楼层分摊。');
    fireEvent.click(screen.getByTestId('comment-add'));
    type(inCard(1).getByTestId('comment-body'), '同上');
    fireEvent.click(screen.getByTestId('comments-submit'));
    await waitFor(() => expect(inCard(1).getByTestId('comment-error').textContent).toBe('第 2 条意见没有内容'));
    expect(inCard(0).queryByTestId('comment-error')).toBeNull();
    expect(screen.getByTestId('comments-errors')).toBeTruthy();

    // The message holds until that comment changes.
    type(inCard(1).getByTestId('comment-body'), '请公示施工单位资质。');
    await waitFor(() => expect(screen.queryByTestId('comment-error')).toBeNull());

    replies = [apiError('link_used', 409, '该链接已提交过意见')];
    fireEvent.click(screen.getByTestId('comments-submit'));
    const state = await screen.findByTestId('public-state');
    expect(state.getAttribute('data-state')).toBe('used');
    expect(state.textContent).toContain('该链接已提交过意见');
  });

  it('a notice that ended while the resident was writing gets its own page', async () => {
    replies = [apiError('notice_over', 409, '公示期已结束')];
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    type(inCard(0).getByTestId('comment-body'), '支持。');
    fireEvent.click(screen.getByTestId('comments-submit'));
    const state = await screen.findByTestId('public-state');
    expect(state.getAttribute('data-state')).toBe('over');
    expect(state.textContent).toContain('公示期已结束');
  });

  it('keeps the comments when sending fails on the network, and sends them again', async () => {
    renderWithProviders(<PublicCommentForm token={TOKEN} draft={draft} />);
    type(inCard(0).getByTestId('comment-body'), '支持加装电梯。');
    fireEvent.click(screen.getByTestId('comments-submit'));
    expect((await screen.findByTestId('comments-submit-failed')).textContent).toContain('网络连接失败');
    expect(screen.getByTestId('comments-submit').textContent?.replace(/\s/g, '')).toBe('重新提交');
    expect((inCard(0).getByTestId('comment-body') as HTMLTextAreaElement).value).toBe('支持加装电梯。');
    replies = [{ status: 201, body: { received: true } }];
    fireEvent.click(screen.getByTestId('comments-submit'));
    expect((await screen.findByTestId('public-state')).getAttribute('data-state')).toBe('thanks');
    expect(requests).toHaveLength(2);
  });
});

describe('PublicCommentsPage', () => {
  it('shows the draft the link opens', async () => {
    replies = [{ status: 200, body: draft }];
    renderWithProviders(<PublicCommentsPage token={TOKEN} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(draft.title);
    expect(requests).toEqual([{ method: 'GET', url: `/api/public/adoption-comments/${TOKEN}`, body: null }]);
  });

  it.each([
    ['invalid', apiError('not_found', 404, '未找到'), '链接无效'],
    ['used', apiError('link_used', 409, '已提交'), '该链接已提交过意见'],
    ['over', apiError('notice_over', 409, '已结束'), '公示期已结束'],
    ['busy', apiError('rate_limited', 429, '过于频繁'), '请稍后再试'],
  ])('a link the API answers as %s gets its own full page', async (state, reply, title) => {
    replies = [reply];
    renderWithProviders(<PublicCommentsPage token={TOKEN} />);
    const page = await screen.findByTestId('public-state');
    expect(page.getAttribute('data-state')).toBe(state);
    expect(page.textContent).toContain(title);
  });

  it('offers a retry after a network failure, and then shows the draft', async () => {
    renderWithProviders(<PublicCommentsPage token={TOKEN} />);
    const page = await screen.findByTestId('public-state', undefined, { timeout: 10_000 });
    expect(page.getAttribute('data-state')).toBe('offline');
    replies = [{ status: 200, body: draft }];
    fireEvent.click(within(page).getByRole('button', { name: /重\s*试/ }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(draft.title);
  });

  it('does not ask the API about something that is no token', () => {
    renderWithProviders(<PublicCommentsPage token="nope" />);
    expect(screen.getByTestId('public-state').getAttribute('data-state')).toBe('invalid');
    expect(requests).toHaveLength(0);
  });
});

describe('commentLinkStateOf', () => {
  const error = (code: 'not_found' | 'validation_failed' | 'internal' | 'temporarily_unavailable', status: number, isApiBody = true) =>
    new ApiError('getPublicAdoptionDraft', status, { code, message: 'x', requestId: 'r' }, isApiBody);
  it('reads an unknown or unreadable token as an invalid link, a busy server as busy, anything else as a connection problem', () => {
    expect(commentLinkStateOf(error('not_found', 404))).toBe('invalid');
    expect(commentLinkStateOf(error('validation_failed', 400))).toBe('invalid');
    expect(commentLinkStateOf(error('temporarily_unavailable', 503))).toBe('busy');
    expect(commentLinkStateOf(error('internal', 502, false))).toBe('offline');
    expect(commentLinkStateOf(new TypeError('Failed to fetch'))).toBe('offline');
  });

  it('has a retry only where retrying can help', () => {
    const { unmount } = renderWithProviders(<CommentLinkStatePage state="over" onRetry={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    renderWithProviders(<CommentLinkStatePage state="busy" onRetry={() => undefined} />);
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });
});

describe('noticePeriodParts', () => {
  it('writes the year once when both days share it, where each language puts it', () => {
    expect(noticePeriodParts('2026-11-27', '2026-12-07', 'zh-CN')).toEqual({ from: '2026年11月27日', to: '12月7日' });
    expect(noticePeriodParts('2026-11-27', '2026-12-07', 'en')).toEqual({ from: '27 November', to: '7 December 2026' });
    expect(noticePeriodParts('2026-12-28', '2027-01-06', 'zh-CN')).toEqual({ from: '2026年12月28日', to: '2027年1月6日' });
  });
});
