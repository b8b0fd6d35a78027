import { ApiError } from '@gongzhi/contracts';
import { bankQuestion, type Question } from '@gongzhi/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { PublicQuestionnaire } from '../api/public-questionnaire';
import { LinkStatePage, linkStateOf, PublicAnswerForm, PublicQuestionnairePage } from './public-questionnaire';

const question = (key: string): Question => {
  const found = bankQuestion(key);
  if (!found) throw new Error(`no bank question ${key}`);
  return found;
};
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx_-12';
const questionnaire: PublicQuestionnaire = {
  title: '东城区安定门街道社区治理情况调查问卷（居民代表、业主委员会）',
  intro: '尊敬的居民朋友：\n您好！本问卷匿名填写。',
  askedBy: '东城区安定门街道办事处 · 北京市易和律师事务所',
  community: '分司厅社区',
  questions: [
    question('years-lived'),
    question('main-problems'),
    question('property-satisfaction'),
    question('suggestions'),
  ],
};

/*
 * The page talks to the API through the app's typed client: here `fetch` answers as the API would
 * (the real API is exercised by e2e/field-research.e2e.test.ts).
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

const option = (key: string, text: string) =>
  within(document.querySelector(`[data-question="${key}"]`) as HTMLElement).getByText(text);

describe('PublicAnswerForm', () => {
  it('shows who asks, the community, the intro and required marks', () => {
    renderWithProviders(<PublicAnswerForm token={TOKEN} questionnaire={questionnaire} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(questionnaire.title);
    expect(screen.getByTestId('public-asked-by').textContent).toBe(questionnaire.askedBy);
    expect(screen.getByTestId('public-community').textContent).toContain('社区：分司厅社区');
    expect(document.querySelectorAll('[data-testid="answer-question"]')).toHaveLength(4);
    // years-lived is required; suggestions is not.
    expect(document.querySelector('[data-question="years-lived"] .gz-question-required')).not.toBeNull();
    expect(document.querySelector('[data-question="suggestions"]')?.textContent).toContain('（选答）');
  });

  it('checks the answers before sending: each unanswered required question says so, and nothing is sent', async () => {
    renderWithProviders(<PublicAnswerForm token={TOKEN} questionnaire={questionnaire} />);
    fireEvent.click(screen.getByTestId('public-submit'));
    await screen.findByTestId('public-errors');
    const errors = [...document.querySelectorAll('[data-testid="question-error"]')].map((node) => node.textContent);
    expect(errors).toEqual(['第1题：此题必答', '第2题：此题必答', '第3题：此题必答']);
    expect(screen.getByTestId('public-errors').textContent).toContain('还有 3 道题需要填写或修改');
    expect(requests).toHaveLength(0);
    // Answering a question clears its message at once.
    fireEvent.click(option('years-lived', '10年以上'));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="question-error"]')).toHaveLength(2));
  });

  it('stops a multiple choice at its maxChoices', () => {
    renderWithProviders(<PublicAnswerForm token={TOKEN} questionnaire={questionnaire} />);
    const box = (text: string) =>
      option('main-problems', text).closest('label')?.querySelector('input') as HTMLInputElement;
    fireEvent.click(option('main-problems', '飞线充电'));
    fireEvent.click(option('main-problems', '噪声扰民'));
    expect(box('群租房').disabled).toBe(false);
    fireEvent.click(option('main-problems', '群租房'));
    expect(document.querySelector('[data-question="main-problems"]')?.textContent).toContain(
      '最多选 3 项（已选 3 项）',
    );
    expect(box('养犬不文明').disabled).toBe(true);
    expect(box('飞线充电').disabled).toBe(false);
    // Taking one back frees the others.
    fireEvent.click(option('main-problems', '飞线充电'));
    expect(box('养犬不文明').disabled).toBe(false);
  });

  it('sends checked answers and thanks the respondent', async () => {
    replies = [{ status: 201, body: { received: true } }];
    renderWithProviders(<PublicAnswerForm token={TOKEN} questionnaire={questionnaire} />);
    fireEvent.click(option('years-lived', '3—10年'));
    fireEvent.click(option('main-problems', '群租房'));
    fireEvent.click(option('main-problems', '飞线充电'));
    fireEvent.click(screen.getByTestId('scale-property-satisfaction-4'));
    expect(screen.getByTestId('scale-property-satisfaction-4').getAttribute('aria-checked')).toBe('true');
    fireEvent.change(document.querySelector('[data-question="suggestions"] textarea') as HTMLTextAreaElement, {
      target: { value: '  希望增加停车位  ' },
    });
    fireEvent.click(screen.getByTestId('public-submit'));
    const state = await screen.findByTestId('public-state');
    expect(state.getAttribute('data-state')).toBe('thanks');
    expect(state.textContent).toContain('提交成功，感谢您的参与！');
    expect(requests).toEqual([
      {
        method: 'POST',
        url: `/api/public/questionnaires/${TOKEN}`,
        // Options in the question's order, text trimmed: what checkAnswers keeps.
        body: {
          answers: {
            'years-lived': '3—10年',
            'main-problems': ['飞线充电', '群租房'],
            'property-satisfaction': 4,
            suggestions: '希望增加停车位',
          },
        },
      },
    ]);
  });

  it('shows the server’s refusal on the question it names, and turns a used link into its own page', async () => {
    replies = [
      apiError('form_invalid', 422, '表单填写有误', [
        { field: 'answers.years-lived', code: 'invalid_option', message: '第1题：请从选项中选择一项' },
      ]),
    ];
    renderWithProviders(<PublicAnswerForm token={TOKEN} questionnaire={questionnaire} />);
    fireEvent.click(option('years-lived', '3—10年'));
    fireEvent.click(option('main-problems', '群租房'));
    fireEvent.click(screen.getByTestId('scale-property-satisfaction-2'));
    fireEvent.click(screen.getByTestId('public-submit'));
    await waitFor(() =>
      expect(document.querySelector('[data-question="years-lived"] [data-testid="question-error"]')?.textContent).toBe(
        '第1题：请从选项中选择一项',
      ),
    );

    replies = [apiError('link_used', 409, '该链接已提交过问卷')];
    fireEvent.click(screen.getByTestId('public-submit'));
    expect((await screen.findByTestId('public-state')).getAttribute('data-state')).toBe('used');
    expect(screen.getByText('已填写过，感谢参与')).toBeTruthy();
  });

  it('keeps the answers when sending fails on the network, and sends them again', async () => {
    replies = [];
    renderWithProviders(<PublicAnswerForm token={TOKEN} questionnaire={questionnaire} />);
    fireEvent.click(option('years-lived', '不满1年'));
    fireEvent.click(option('main-problems', '群租房'));
    fireEvent.click(screen.getByTestId('scale-property-satisfaction-5'));
    fireEvent.click(screen.getByTestId('public-submit'));
    expect((await screen.findByTestId('public-submit-failed')).textContent).toContain('网络连接失败');
    expect(screen.getByTestId('public-submit').textContent?.replace(/\s/g, '')).toBe('重新提交');
    expect(screen.getByTestId('scale-property-satisfaction-5').getAttribute('aria-checked')).toBe('true');
    replies = [{ status: 201, body: { received: true } }];
    fireEvent.click(screen.getByTestId('public-submit'));
    expect((await screen.findByTestId('public-state')).getAttribute('data-state')).toBe('thanks');
    expect(requests).toHaveLength(2);
  });
});

describe('PublicQuestionnairePage', () => {
  it.each([
    ['invalid', apiError('not_found', 404, '未找到'), '链接无效'],
    ['used', apiError('link_used', 409, '已提交'), '已填写过，感谢参与'],
    ['closed', apiError('questionnaire_closed', 409, '已结束'), '问卷已结束'],
    ['busy', apiError('rate_limited', 429, '过于频繁'), '访问过于频繁'],
  ])('a link the API answers as %s gets its own full page', async (state, reply, title) => {
    replies = [reply];
    renderWithProviders(<PublicQuestionnairePage token={TOKEN} />);
    const page = await screen.findByTestId('public-state');
    expect(page.getAttribute('data-state')).toBe(state);
    expect(page.textContent).toContain(title);
  });

  it('offers a retry after a network failure, and then shows the questionnaire', async () => {
    replies = [];
    renderWithProviders(<PublicQuestionnairePage token={TOKEN} />);
    const page = await screen.findByTestId('public-state', undefined, { timeout: 10_000 });
    expect(page.getAttribute('data-state')).toBe('offline');
    replies = [{ status: 200, body: questionnaire }];
    fireEvent.click(within(page).getByRole('button', { name: /重\s*试/ }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(questionnaire.title);
  });

  it('does not ask the API about something that is no token', () => {
    renderWithProviders(<PublicQuestionnairePage token="nope" />);
    expect(screen.getByTestId('public-state').getAttribute('data-state')).toBe('invalid');
    expect(requests).toHaveLength(0);
  });
});

describe('linkStateOf', () => {
  const error = (code: 'not_found' | 'validation_failed' | 'internal', status: number, isApiBody = true) =>
    new ApiError('getPublicQuestionnaire', status, { code, message: 'x', requestId: 'r' }, isApiBody);
  it('reads an unknown or unreadable token as an invalid link, anything else as a connection problem', () => {
    expect(linkStateOf(error('not_found', 404))).toBe('invalid');
    expect(linkStateOf(error('validation_failed', 400))).toBe('invalid');
    expect(linkStateOf(error('internal', 502, false))).toBe('offline');
    expect(linkStateOf(new TypeError('Failed to fetch'))).toBe('offline');
  });

  it('has a retry only where retrying can help', () => {
    const { unmount } = renderWithProviders(<LinkStatePage state="closed" onRetry={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    renderWithProviders(<LinkStatePage state="busy" onRetry={() => undefined} />);
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });
});
