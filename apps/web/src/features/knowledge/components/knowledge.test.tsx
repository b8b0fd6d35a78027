import { ApiError } from '@gongzhi/contracts';
import { type KnowledgeContent, laws, violationEntries } from '@gongzhi/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { KnowledgeDirectory } from '../api/directory';
import type { EngagementKnowledgeRow } from '../api/engagement-knowledge';
import type { KnowledgeChange } from '../api/get-knowledge';
import { CopyStateTags } from './copy-state-tags';
import { matchesFilter, orderCopyRows, parseEntryParam } from './engagement-knowledge';
import { KnowledgeChanges } from './knowledge-changes';
import { KnowledgeContentView } from './knowledge-content';
import { KnowledgeEditor } from './knowledge-editor';

const directory: KnowledgeDirectory = {
  entries: laws.map((law, index) => ({
    kind: 'law' as const,
    key: law.key,
    title: law.title,
    position: index + 1,
    unverified: law.unverified,
  })),
  href: (kind, key) => `/knowledge/${kind}/${key}`,
};

/** The API's law shape, as the server test creates it. */
const parkingRules: KnowledgeContent<'law'> = {
  key: 'dongcheng-parking-rules',
  title: '东城区居住小区停车管理办法',
  shortName: '东城区停车管理办法',
  issuer: '北京市东城区人民政府',
  level: '规范性文件',
  version: { label: '2026年印发', published: '2026-03-01' },
  sourceKeys: ['S2'],
  unverified: true,
  notes: '文号待核实。',
  excerpts: [{ article: 12, summary: '小区内停车位优先满足业主需要；临时停车收费标准由业主大会决定。' }],
};

describe('KnowledgeContentView', () => {
  it('reads a catalogue violation: its provisions by law and article, the enforcer, and 待核实 wherever it applies', () => {
    const violation = violationEntries[0]!;
    renderWithProviders(<KnowledgeContentView kind="violation" content={violation} directory={directory} />);
    const penalties = screen.getByTestId('violation-penalties');
    expect(penalties.textContent).toContain('《中华人民共和国城乡规划法》第六十四条');
    expect(penalties.textContent).toContain('城镇违法建设');
    expect(within(penalties).getAllByRole('link')[0]?.getAttribute('href')).toBe(
      '/knowledge/law/urban-rural-planning-law',
    );
    // The whole-law reference, the delegation status and the hotline mapping are all unverified.
    expect(within(penalties).getByText('（具体条款待核实）')).toBeTruthy();
    expect(document.querySelectorAll('[data-unverified="true"]').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByText('取决于京政发〔2020〕9号附件及本区划分决定')).toBeTruthy();
    expect(screen.getAllByText('街道/乡镇综合行政执法队').length).toBeGreaterThan(0);
    expect(screen.getByText(violation.penaltySummary)).toBeTruthy();
  });

  it('reads a law: level, issuer, dates and its summaries by article, said to be summaries', () => {
    const law = laws.find((item) => item.key === 'bj-property-management-regulations')!;
    renderWithProviders(<KnowledgeContentView kind="law" content={law} directory={directory} />);
    const excerpts = screen.getByTestId('law-excerpts');
    expect(excerpts.textContent).toContain('并非法条原文');
    const article78 = excerpts.querySelector('[data-article="78"]');
    expect(article78?.textContent).toContain('第七十八条第二款');
    expect(screen.getByText('地方性法规')).toBeTruthy();
    expect(screen.getByText('北京市人民代表大会常务委员会')).toBeTruthy();
    expect(screen.getByText('2024-03-29')).toBeTruthy();
  });
});

describe('KnowledgeChanges', () => {
  const changes: KnowledgeChange[] = [
    { path: 'excerpts[0].summary', before: parkingRules.excerpts[0]!.summary, after: '小区内停车位优先满足业主需要。' },
    { path: 'unverified', before: 'true', after: 'false' },
    { path: 'notes', before: '文号待核实。', after: null },
  ];

  it('lists each change in words, before beside after, the changed words marked', () => {
    renderWithProviders(
      <KnowledgeChanges
        kind="law"
        changes={changes}
        contents={[parkingRules]}
        directory={directory}
        beforeLabel="第 1 版"
        afterLabel="第 2 版"
        emptyTitle="—"
      />,
    );
    const items = [...document.querySelectorAll('.gz-kb-change')] as HTMLElement[];
    expect(items.map((item) => item.dataset.path)).toEqual(['excerpts[0].summary', 'unverified', 'notes']);
    const summary = items[0]!;
    expect(summary.textContent).toContain('条文摘要 › 第十二条 › 摘要');
    expect(summary.querySelector('del')?.textContent).toBe('；临时停车收费标准由业主大会决定');
    expect(within(summary).getByTestId('change-after').textContent).toBe('第 2 版小区内停车位优先满足业主需要。');
    expect(within(items[1]!).getByTestId('change-before').textContent).toContain('是');
    expect(within(items[1]!).getByTestId('change-after').textContent).toContain('否');
    expect(items[2]!.textContent).toContain('删除');
    expect(within(items[2]!).getByTestId('change-after').textContent).toContain('（无）');
  });

  it('says so when nothing changed', () => {
    renderWithProviders(
      <KnowledgeChanges
        kind="law"
        changes={[]}
        contents={[]}
        directory={directory}
        beforeLabel="a"
        afterLabel="b"
        emptyTitle="两个版本的内容相同"
      />,
    );
    expect(screen.getByText('两个版本的内容相同')).toBeTruthy();
  });
});

describe('KnowledgeEditor', () => {
  const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement;
  const reason = () => document.getElementById('knowledge-reason') as HTMLTextAreaElement;

  function renderEditor(error: unknown = null, conflict?: React.ReactNode) {
    const onSubmit = vi.fn();
    renderWithProviders(
      <KnowledgeEditor
        kind="law"
        mode="revise"
        initialContent={parkingRules}
        directory={directory}
        submitLabel="保存为第 2 版"
        submitting={false}
        error={error}
        conflict={conflict}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    return { onSubmit };
  }

  it('edits a law in a structured form and sends the content with the reason', async () => {
    const { onSubmit } = renderEditor();
    expect((field('title').querySelector('input') as HTMLInputElement).value).toBe('东城区居住小区停车管理办法');
    // The key is fixed once the entry exists.
    expect((field('key').querySelector('input') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByTestId('excerpt-item')).toHaveLength(1);
    fireEvent.change(field('excerpts.0.summary').querySelector('textarea') as HTMLTextAreaElement, {
      target: { value: '小区内停车位优先满足业主需要。' },
    });

    fireEvent.click(screen.getByTestId('knowledge-save'));
    expect(await screen.findByText('请填写修改原因，它会记入版本历史')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(reason(), { target: { value: '核对原文后删去收费一句' } });
    fireEvent.click(screen.getByTestId('knowledge-save'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const [content, why] = onSubmit.mock.calls[0] as [KnowledgeContent<'law'>, string];
    expect(why).toBe('核对原文后删去收费一句');
    expect(content).toEqual({
      ...parkingRules,
      excerpts: [{ article: 12, summary: '小区内停车位优先满足业主需要。' }],
    });
  });

  it('does not save a version that changes nothing', async () => {
    const { onSubmit } = renderEditor();
    fireEvent.change(reason(), { target: { value: '核对' } });
    fireEvent.click(screen.getByTestId('knowledge-save'));
    expect((await screen.findByTestId('editor-unchanged')).textContent).toBe('内容没有改动：不必保存新版本。');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors on the fields and lists them in words', async () => {
    const error = new ApiError(
      'reviseKnowledgeEntry',
      422,
      {
        code: 'form_invalid',
        message: '表单填写有误，请按提示修改',
        requestId: 'req-1',
        fieldErrors: [
          { field: 'content.excerpts.0.summary', code: 'required', message: '必填' },
          { field: 'content', code: 'rule', message: '违法行为第3项引用的法律法规“no-such-law”不在知识库中' },
        ],
      },
      true,
    );
    renderEditor(error);
    const alert = screen.getByTestId('editor-error');
    expect(alert.textContent).toContain('表单填写有误，请按提示修改');
    expect(alert.textContent).toContain('条文摘要 › 第十二条 › 摘要：必填');
    expect(alert.textContent).toContain('“no-such-law”不在知识库中');
    await waitFor(() =>
      expect(field('excerpts.0.summary').querySelector('.ant-form-item-explain')?.textContent).toBe('必填'),
    );
  });

  it('shows a conflict as the page words it, not as a field error', () => {
    const error = new ApiError(
      'reviseKnowledgeEntry',
      409,
      {
        code: 'conflict',
        message: '该条目已被他人修改（当前为第 3 版），请刷新后在最新版本上修改',
        requestId: 'req-2',
      },
      true,
    );
    renderEditor(error, <div data-testid="conflict">{error.message}</div>);
    expect(screen.getByTestId('conflict').textContent).toContain('当前为第 3 版');
  });

  it('offers the JSON of the content, and refuses JSON that does not parse', async () => {
    const { onSubmit } = renderEditor();
    fireEvent.click(screen.getByText('JSON'));
    const json = (await screen.findByTestId('content-json')) as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual(parkingRules);
    fireEvent.change(json, { target: { value: '{ "key": ' } });
    fireEvent.change(reason(), { target: { value: '试' } });
    fireEvent.click(screen.getByTestId('knowledge-save'));
    expect(await screen.findByText(/JSON 格式有误/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('the engagement’s copy', () => {
  const row = (
    overrides: Partial<EngagementKnowledgeRow> & Pick<EngagementKnowledgeRow, 'key' | 'state'>,
  ): EngagementKnowledgeRow => ({
    entryId: `00000000-0000-4000-8000-${String(overrides.key.length).padStart(12, '0')}`,
    kind: 'law',
    position: 1,
    title: overrides.key,
    unverified: false,
    masterVersion: 2,
    baseVersion: 1,
    adapted: null,
    ...overrides,
  });
  const adapted = {
    reason: '按本街道文件调整',
    by: { id: '00000000-0000-4000-8000-000000000099', displayName: '李婧' },
    at: '2026-11-27T05:00:00.000Z',
  };

  it('puts entries needing a decision first and filters by state or adaptation', () => {
    const rows = [
      row({ key: 'a', state: 'current' }),
      row({ key: 'b', state: 'not_taken', baseVersion: null }),
      row({ key: 'c', state: 'behind' }),
      row({ key: 'd', state: 'current', adapted }),
    ];
    expect(orderCopyRows(rows).map((item) => item.key)).toEqual(['c', 'b', 'a', 'd']);
    expect(rows.filter((item) => matchesFilter(item, 'adapted')).map((item) => item.key)).toEqual(['d']);
    expect(rows.filter((item) => matchesFilter(item, 'behind')).map((item) => item.key)).toEqual(['c']);
    expect(parseEntryParam('law:bj-property-management-regulations')).toEqual({
      kind: 'law',
      key: 'bj-property-management-regulations',
    });
    expect(parseEntryParam('nonsense:x')).toBeNull();
  });

  it('tags each entry with its state and its local adaptation', () => {
    renderWithProviders(<CopyStateTags row={{ state: 'behind', adapted }} />);
    expect(screen.getByTestId('copy-state').textContent).toBe('母版有新版本');
    expect(screen.getByTestId('copy-adapted').textContent).toBe('已按本地调整');
  });
});
