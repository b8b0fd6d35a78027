import { bankQuestion, type Question, summarizeResponses } from '@gongzhi/domain';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { Questionnaire } from '../api/get-questionnaires';
import { percentOf, topOptions } from '../utils/results';
import { QuestionnaireResults } from './questionnaire-results';

const question = (key: string): Question => {
  const found = bankQuestion(key);
  if (!found) throw new Error(`no bank question ${key}`);
  return found;
};
const questions = [
  question('years-lived'),
  question('main-problems'),
  question('property-satisfaction'),
  question('suggestions'),
];
const fensiting = { key: 'fensiting', name: '分司厅社区' };
const guozijian = { key: 'guozijian', name: '国子监社区' };
const names = new Map([fensiting, guozijian].map((community) => [community.key, community]));

/** Results as the API answers them: the domain's summary, communities named the way the route names them. */
function resultsOf(
  responses: { communityId: string | null; answers: Record<string, string | string[] | number> }[],
): Questionnaire['results'] {
  const summary = summarizeResponses(questions, responses);
  const community = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    responses: summary.responses,
    byCommunity: summary.byCommunity.map((row) => ({
      community: community(row.communityId),
      responses: row.responses,
    })),
    questions: summary.questions.map((result) =>
      result.type === 'text'
        ? result
        : result.type === 'scale'
          ? {
              ...result,
              byCommunity: result.byCommunity.map(({ communityId, ...row }) => ({
                community: community(communityId),
                ...row,
              })),
            }
          : {
              ...result,
              byCommunity: result.byCommunity.map(({ communityId, ...row }) => ({
                community: community(communityId),
                ...row,
              })),
            },
    ),
  } as Questionnaire['results'];
}

const can = { revise: true, close: true, issueLinks: true, enterResponse: true };
const responses: { communityId: string | null; answers: Record<string, string | string[] | number> }[] = [
  {
    communityId: fensiting.key,
    answers: {
      'years-lived': '10年以上',
      'main-problems': ['飞线充电', '小区停车难、乱停车'],
      'property-satisfaction': 2,
      suggestions: '希望尽快解决停车难问题',
    },
  },
  {
    communityId: fensiting.key,
    answers: { 'years-lived': '10年以上', 'main-problems': ['飞线充电'], 'property-satisfaction': 3 },
  },
  {
    communityId: guozijian.key,
    answers: {
      'years-lived': '1—3年',
      'main-problems': ['群租房'],
      'property-satisfaction': 5,
      suggestions: '物业费公示',
    },
  },
  {
    communityId: null,
    answers: { 'years-lived': '3—10年', 'main-problems': ['飞线充电', '群租房'], 'property-satisfaction': 4 },
  },
];

describe('QuestionnaireResults', () => {
  it('draws each choice question as bars with counts and shares of those who answered', () => {
    renderWithProviders(
      <QuestionnaireResults questionnaire={{ questions, results: resultsOf(responses), status: 'open', can }} />,
    );
    const years = document.querySelector('[data-testid="question-result"][data-question="years-lived"]') as HTMLElement;
    expect(within(years).getByTestId('answered').textContent).toBe('4 人作答');
    const longest = years.querySelector('[data-option="10年以上"]') as HTMLElement;
    expect(longest.textContent).toContain('2 · 50%');
    expect(longest.className).toContain('is-top');
    expect((longest.querySelector('.gz-bar-fill') as HTMLElement).style.width).toBe('50%');
    expect(years.querySelector('[data-option="不满1年"]')?.textContent).toContain('0 · 0%');

    // 多选: shares of respondents, so they add up to more than 100%.
    const problems = document.querySelector('[data-question="main-problems"]') as HTMLElement;
    expect(problems.querySelector('[data-option="飞线充电"]')?.textContent).toContain('3 · 75%');
    expect(problems.textContent).toContain('合计可超过 100%');
  });

  it('gives a scale its mean, each point with its end labels, and the mean per community', () => {
    renderWithProviders(
      <QuestionnaireResults questionnaire={{ questions, results: resultsOf(responses), status: 'open', can }} />,
    );
    const satisfaction = document.querySelector('[data-question="property-satisfaction"]') as HTMLElement;
    expect(within(satisfaction).getByTestId('scale-mean').textContent).toBe('平均分3.5（满分 5）');
    expect(satisfaction.querySelector('[data-option="1 分"]')?.textContent).toContain('非常不满意');
    expect(satisfaction.querySelector('[data-option="5 分"]')?.textContent).toContain('非常满意');
    const byCommunity = within(satisfaction).getByTestId('by-community');
    expect(byCommunity.textContent).toContain('分司厅社区');
    expect(byCommunity.textContent).toContain('2.5 分 · 2 人');
    expect(byCommunity.textContent).toContain('国子监社区');
    expect(byCommunity.textContent).toContain('全街道（未指定社区）');
  });

  it('names the most chosen option per community, ties and all', () => {
    renderWithProviders(
      <QuestionnaireResults questionnaire={{ questions, results: resultsOf(responses), status: 'open', can }} />,
    );
    const rows = within(document.querySelector('[data-question="main-problems"]') as HTMLElement)
      .getByTestId('by-community')
      .querySelectorAll('.gz-by-community-row');
    const text = [...rows].map((row) => row.textContent);
    expect(text).toContain('分司厅社区飞线充电 2/2 人，100%');
    // Two options chosen once each by the street's own response: both named.
    expect(text.some((line) => line?.startsWith('全街道（未指定社区）飞线充电、群租房'))).toBe(true);
  });

  it('counts responses per community and lists text answers, newest first', () => {
    renderWithProviders(
      <QuestionnaireResults questionnaire={{ questions, results: resultsOf(responses), status: 'open', can }} />,
    );
    const communities = screen.getByTestId('community-bars');
    expect(communities.querySelector('[data-option="分司厅社区"]')?.textContent).toContain('2 · 50%');
    expect(communities.querySelector('[data-option="国子监社区"]')?.textContent).toContain('1 · 25%');
    const texts = within(document.querySelector('[data-question="suggestions"]') as HTMLElement).getByTestId(
      'text-answers',
    );
    expect([...texts.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      '物业费公示',
      '希望尽快解决停车难问题',
    ]);
  });

  it('folds long text lists behind 显示全部', () => {
    const many = Array.from({ length: 8 }, (_, index) => ({
      communityId: null,
      answers: {
        'years-lived': '1—3年',
        'main-problems': ['群租房'],
        'property-satisfaction': 3,
        suggestions: `意见${index + 1}`,
      },
    }));
    renderWithProviders(
      <QuestionnaireResults questionnaire={{ questions, results: resultsOf(many), status: 'open', can }} />,
    );
    const card = document.querySelector('[data-question="suggestions"]') as HTMLElement;
    expect(card.querySelectorAll('.gz-text-answers li')).toHaveLength(5);
    fireEvent.click(within(card).getByRole('button', { name: '显示全部 8 条' }));
    expect(card.querySelectorAll('.gz-text-answers li')).toHaveLength(8);
    // One group only (the whole street): no per-community comparison to show.
    expect(document.querySelector('[data-testid="by-community"]')).toBeNull();
  });

  it('says what to do when nothing was answered yet, and only to those who can do it', () => {
    const { unmount } = renderWithProviders(
      <QuestionnaireResults questionnaire={{ questions, results: resultsOf([]), status: 'open', can }} />,
    );
    expect(screen.getByText('尚无答卷')).toBeTruthy();
    expect(screen.getByText(/生成填写链接发给受访者/)).toBeTruthy();
    unmount();
    renderWithProviders(
      <QuestionnaireResults
        questionnaire={{
          questions,
          results: resultsOf([]),
          status: 'open',
          can: { revise: false, close: false, issueLinks: false, enterResponse: false },
        }}
      />,
    );
    expect(screen.queryByText(/生成填写链接发给受访者/)).toBeNull();
  });
});

describe('result arithmetic', () => {
  it('rounds shares and names ties', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
    expect(
      topOptions([
        { option: 'A', count: 2 },
        { option: 'B', count: 2 },
        { option: 'C', count: 1 },
      ]),
    ).toEqual({ options: ['A', 'B'], count: 2 });
    expect(topOptions([{ option: 'A', count: 0 }])).toEqual({ options: [], count: 0 });
  });
});
