import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { FormField } from '../api/get-task';
import { TaskForm, toFormData, validateTaskForm } from './task-form';

const t = (zh: string, en: string) => ({ zh, en });

/** One field of every type the template model has, plus a cross-field rule (the residents' meeting quorum). */
const form: FormField[] = [
  { key: 'meetingName', type: 'text', label: t('会议名称', 'Meeting'), required: true, maxLength: 20 },
  { key: 'minutes', type: 'textarea', label: t('会议纪要', 'Minutes'), required: false, maxLength: 20_000 },
  { key: 'eligible', type: 'number', label: t('应到人数', 'Eligible'), required: true, integer: true, min: 1, max: 10_000 },
  { key: 'attendees', type: 'number', label: t('实到人数', 'Attendees'), required: true, integer: true, min: 0 },
  { key: 'votesFor', type: 'number', label: t('赞成票', 'Votes for'), required: true, integer: true, min: 0 },
  { key: 'heldOn', type: 'date', label: t('会议日期', 'Held on'), required: true },
  { key: 'noticePosted', type: 'boolean', label: t('已公示', 'Notice posted'), required: true, mustBeTrue: true },
  { key: 'hasConvention', type: 'boolean', label: t('已有居民公约', 'Has a convention'), required: true, mustBeTrue: false },
  {
    key: 'venue',
    type: 'select',
    label: t('会议形式', 'Format'),
    required: true,
    requireAll: false,
    options: [
      { value: 'onsite', label: t('现场会议', 'On site') },
      { value: 'online', label: t('线上会议', 'Online') },
    ],
  },
  {
    key: 'modules',
    type: 'multiselect',
    label: t('自治手册模块', 'Modules'),
    required: true,
    requireAll: true,
    options: [
      { value: 'election', label: t('民主选举', 'Election') },
      { value: 'decision', label: t('民主决策', 'Decision') },
    ],
  },
];
const rules = [{ kind: 'residents-meeting-quorum' as const, eligibleField: 'eligible', attendeesField: 'attendees', votesForField: 'votesFor' }];

const field = (key: string) => document.querySelector(`[data-field="${key}"]`) as HTMLElement;
const errorOf = (key: string) => field(key).querySelector('.ant-form-item-explain')?.textContent ?? '';

function renderForm(overrides: Partial<Parameters<typeof TaskForm>[0]> = {}) {
  const onSubmit = vi.fn();
  renderWithProviders(<TaskForm form={form} rules={rules} submitLabel="提交审阅" onSubmit={onSubmit} {...overrides} />);
  return { onSubmit };
}

const type = (key: string, value: string) => {
  const input = field(key).querySelector('input, textarea') as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
};

async function chooseSelectOption(key: string, label: string) {
  const selector = field(key).querySelector('.ant-select') as HTMLElement;
  fireEvent.mouseDown(selector.querySelector('.ant-select-content, .ant-select-selector') ?? selector);
  const option = await screen.findByTitle(label);
  fireEvent.click(option);
}

describe('validateTaskForm', () => {
  it('reports the domain’s required-field errors in the UI language', () => {
    expect(validateTaskForm({ form, rules }, {}, 'zh-CN').meetingName).toBe('会议名称：必填');
    expect(validateTaskForm({ form, rules }, {}, 'en').meetingName).toBe('Meeting: required');
  });

  it('treats blank answers as missing rather than as wrong values', () => {
    expect(toFormData(form, { meetingName: '', modules: [], minutes: '纪要' })).toEqual({ minutes: '纪要' });
  });

  it('applies the quorum rule once every field is valid', () => {
    const errors = validateTaskForm(
      { form, rules },
      { meetingName: '居民会议', eligible: 180, attendees: 80, votesFor: 70, heldOn: '2025-03-01', noticePosted: true, hasConvention: false, venue: 'onsite', modules: ['election', 'decision'] },
      'zh-CN',
    );
    expect(errors.attendees).toMatch(/出席人数未过半数/);
  });
});

describe('TaskForm', () => {
  it('renders an input for every field type, labelled from the template', () => {
    renderForm();
    expect(screen.getByLabelText('会议名称').tagName).toBe('INPUT');
    expect(screen.getByLabelText('会议纪要').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('应到人数').getAttribute('role')).toBe('spinbutton');
    expect(screen.getByLabelText('会议日期').getAttribute('type')).toBe('date');
    expect(within(field('noticePosted')).getByRole('checkbox')).toBeTruthy();
    expect(within(field('hasConvention')).getAllByRole('radio')).toHaveLength(2);
    expect(field('venue').querySelector('.ant-select')).not.toBeNull();
    expect(within(field('modules')).getAllByRole('checkbox')).toHaveLength(2);
    expect(field('modules').textContent).toContain('须全部完成');
  });

  it('refuses an empty submission and shows each required field’s message', () => {
    const { onSubmit } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '提交审阅' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf('meetingName')).toBe('会议名称：必填');
    expect(errorOf('eligible')).toBe('应到人数：必填');
    expect(errorOf('heldOn')).toBe('会议日期：必填');
    expect(errorOf('noticePosted')).toBe('已公示：必填');
    expect(errorOf('venue')).toBe('会议形式：必填');
    expect(errorOf('minutes')).toBe('');
  });

  it('shows a field’s error as soon as it is touched, and clears it once fixed', () => {
    renderForm();
    type('meetingName', 'x'.repeat(21));
    expect(errorOf('meetingName')).toBe('会议名称：不得超过 20 字');
    expect(errorOf('eligible')).toBe('');
    type('meetingName', '第一次居民会议');
    expect(errorOf('meetingName')).toBe('');
    type('eligible', '12.5');
    expect(errorOf('eligible')).toBe('应到人数：应为整数');
  });

  it('submits typed values that pass the same checks as the server, and names the quorum problem otherwise', async () => {
    const { onSubmit } = renderForm();
    type('meetingName', '第一次居民会议');
    type('minutes', '会议审议通过居民公约。');
    type('eligible', '180');
    type('attendees', '80');
    type('votesFor', '70');
    type('heldOn', '2025-03-01');
    fireEvent.click(within(field('noticePosted')).getByRole('checkbox'));
    fireEvent.click(within(field('hasConvention')).getByLabelText('否'));
    await act(() => chooseSelectOption('venue', '现场会议'));
    fireEvent.click(within(field('modules')).getByLabelText('民主选举'));

    fireEvent.click(screen.getByRole('button', { name: '提交审阅' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf('modules')).toBe('自治手册模块：须全部完成');

    fireEvent.click(within(field('modules')).getByLabelText('民主决策'));
    fireEvent.click(screen.getByRole('button', { name: '提交审阅' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf('attendees')).toMatch(/出席人数未过半数：应到 180 人，实到 80 人，至少须 91 人出席/);

    type('attendees', '112');
    fireEvent.click(screen.getByRole('button', { name: '提交审阅' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      meetingName: '第一次居民会议',
      minutes: '会议审议通过居民公约。',
      eligible: 180,
      attendees: 112,
      votesFor: 70,
      heldOn: '2025-03-01',
      noticePosted: true,
      hasConvention: false,
      venue: 'onsite',
      modules: ['election', 'decision'],
    });
  });

  it('starts from the previous submission when a revision is needed', () => {
    renderForm({ initialValues: { meetingName: '第一次居民会议', eligible: 180 } });
    expect((screen.getByLabelText('会议名称') as HTMLInputElement).value).toBe('第一次居民会议');
    expect((screen.getByLabelText('应到人数') as HTMLInputElement).value).toBe('180');
  });

  it('shows the server’s field errors until the field is edited', () => {
    renderForm({ initialValues: { meetingName: '会议' }, serverErrors: [{ field: 'meetingName', code: 'rule', message: '会议名称：与已有记录重复' }, { field: '_form', code: 'rule', message: '表单数据格式错误' }] });
    expect(errorOf('meetingName')).toBe('会议名称：与已有记录重复');
    expect(screen.getByRole('alert').textContent).toContain('表单数据格式错误');
    type('meetingName', '第二次会议');
    expect(errorOf('meetingName')).toBe('');
  });

  it('disables submission with the reason while the deliverable is missing', () => {
    renderForm({ blockedReason: '请先上传成果文件，再提交。' });
    expect(screen.getByText('请先上传成果文件，再提交。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '提交审阅' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a submitted form read-only, with option labels and yes/no', () => {
    renderForm({ readOnly: true, initialValues: { meetingName: '第一次居民会议', hasConvention: false, venue: 'online', modules: ['election', 'decision'] } });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('第一次居民会议')).toBeTruthy();
    expect(screen.getByText('线上会议')).toBeTruthy();
    expect(screen.getByText('否')).toBeTruthy();
    expect(screen.getByText('民主决策')).toBeTruthy();
  });
});
