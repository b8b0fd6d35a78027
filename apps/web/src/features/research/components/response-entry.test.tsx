import { bankQuestion, type Question } from '@gongzhi/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayCivil } from '../../../lib/dates';
import { renderWithProviders } from '../../../testing/render';
import { ResponseEntryForm } from './response-entry';

const question = (key: string): Question => {
  const found = bankQuestion(key);
  if (!found) throw new Error(`no bank question ${key}`);
  return found;
};
const ENGAGEMENT = {
  id: '0190a0b0-0000-7000-8000-0000000000e1',
  communities: [{ key: 'fensiting', name: '分司厅社区' }],
};
const QUESTIONNAIRE = {
  id: '0190a0b0-0000-7000-8000-0000000000f1',
  questions: [question('owners-committee'), question('property-satisfaction'), question('suggestions')],
};

// The form talks to the API through the app's typed client; `fetch` answers as the API would.
const requests: { url: string; body: unknown }[] = [];
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  requests.push({ url: String(input), body: init?.body ? JSON.parse(String(init.body)) : null });
  return new Response(JSON.stringify({ id: '0190a0b0-0000-7000-8000-0000000000a1', version: 1 }), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });
});
afterEach(() => {
  requests.length = 0;
});

const answerOne = (option: string, score: number) => {
  fireEvent.click(
    within(document.querySelector('[data-question="owners-committee"]') as HTMLElement).getByText(option),
  );
  fireEvent.click(screen.getByTestId(`scale-property-satisfaction-${score}`));
};

describe('ResponseEntryForm', () => {
  it('asks for the community, then saves a paper form and stays ready for the next, counting them', async () => {
    renderWithProviders(
      <ResponseEntryForm engagement={ENGAGEMENT} questionnaire={QUESTIONNAIRE} onDone={() => undefined} />,
    );
    expect((screen.getByTestId('entry-date') as HTMLInputElement).value).toBe(todayCivil());
    answerOne('已成立业主委员会', 4);
    fireEvent.click(screen.getByTestId('save-response'));
    expect(await screen.findByText('请选择答卷所属社区（或“不指定社区”）')).toBeTruthy();
    expect(requests).toHaveLength(0);

    fireEvent.mouseDown(within(screen.getByTestId('entry-community')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('分司厅社区'));
    fireEvent.change(screen.getByTestId('entry-date'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByTestId('save-response'));
    expect((await screen.findByTestId('entered-count', undefined, { timeout: 10_000 })).textContent).toContain(
      '本次已录入 1 份答卷',
    );
    expect(requests).toEqual([
      {
        url: `/api/engagements/${ENGAGEMENT.id}/questionnaires/${QUESTIONNAIRE.id}/responses`,
        body: {
          community: 'fensiting',
          answeredOn: '2026-11-20',
          answers: { 'owners-committee': '已成立业主委员会', 'property-satisfaction': 4 },
          idempotencyKey: expect.stringMatching(/^web-/),
        },
      },
    ]);
    // The answers cleared; the community and the day stayed.
    await waitFor(() =>
      expect(screen.getByTestId('scale-property-satisfaction-4').getAttribute('aria-checked')).toBe('false'),
    );
    expect((screen.getByTestId('entry-date') as HTMLInputElement).value).toBe('2026-11-20');

    answerOne('未成立', 2);
    fireEvent.click(screen.getByTestId('save-response'));
    expect((await screen.findByTestId('entered-count')).textContent).toContain('本次已录入 2 份答卷');
    expect(requests[1]?.body).toEqual({
      community: 'fensiting',
      answeredOn: '2026-11-20',
      answers: { 'owners-committee': '未成立', 'property-satisfaction': 2 },
      idempotencyKey: expect.stringMatching(/^web-/),
    });
    // Each paper form is its own attempt: the second one is not taken for a retry of the first.
    expect((requests[1]?.body as { idempotencyKey: string }).idempotencyKey).not.toBe((requests[0]?.body as { idempotencyKey: string }).idempotencyKey);
  });

  it('refuses a day after today and required questions left blank', async () => {
    renderWithProviders(
      <ResponseEntryForm
        engagement={{ ...ENGAGEMENT, communities: [] }}
        questionnaire={QUESTIONNAIRE}
        onDone={() => undefined}
      />,
    );
    fireEvent.change(screen.getByTestId('entry-date'), { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByTestId('save-response'));
    expect(await screen.findByText('答卷日期不能晚于今天')).toBeTruthy();
    expect(screen.getAllByTestId('question-error').map((node) => node.textContent)).toEqual([
      '第1题：此题必答',
      '第2题：此题必答',
    ]);
    expect(requests).toHaveLength(0);
  });
});
