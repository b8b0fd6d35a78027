import { ApiError } from '@gongzhi/contracts';
import { bankQuestionsFor } from '@gongzhi/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { customQuestionKey, draftIntro, draftTitle, move, placeOf } from '../utils/draft';
import { placeOfField, type QuestionnaireEditorSubmit, QuestionnaireEditor } from './questionnaire-editor';

const CLIENT = '东城区安定门街道办事处';
const blank = { audience: null, title: '', intro: '', questions: [] };
const residents = bankQuestionsFor('residents');

function renderEditor(props: Partial<Parameters<typeof QuestionnaireEditor>[0]> = {}) {
  const onSubmit = vi.fn<(value: QuestionnaireEditorSubmit) => void>();
  const view = renderWithProviders(
    <QuestionnaireEditor
      mode="create"
      clientName={CLIENT}
      initial={blank}
      submitLabel="创建问卷"
      submitting={false}
      error={null}
      onSubmit={onSubmit}
      onCancel={() => undefined}
      {...props}
    />,
  );
  return { ...view, onSubmit };
}

const questionTexts = () =>
  [...document.querySelectorAll('[data-testid="editor-question"] .gz-edit-question-text')].map((node) =>
    node.textContent?.replace(/^\d+\./, ''),
  );

describe('drafting a questionnaire', () => {
  it('names the place, the audience, who asks and that answers are anonymous', () => {
    expect(placeOf(CLIENT)).toBe('东城区安定门街道');
    expect(placeOf('平谷区金海湖镇人民政府')).toBe('平谷区金海湖镇');
    expect(draftTitle(CLIENT, 'residents')).toBe('东城区安定门街道社区治理情况调查问卷（居民代表、业主委员会）');
    const intro = draftIntro(CLIENT, 'residents');
    expect(intro.startsWith('尊敬的居民朋友：')).toBe(true);
    expect(intro).toContain('东城区安定门街道办事处委托北京市易和律师事务所项目组');
    expect(intro).toContain('匿名');
  });

  it('keys written questions apart from the others, and moves questions', () => {
    expect(customQuestionKey([{ key: 'custom-1' }, { key: 'years-lived' }])).toBe('custom-2');
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('QuestionnaireEditor', () => {
  it('starts from the audience: choosing one drafts the title, the intro and the bank’s questions for it', async () => {
    renderEditor();
    expect(screen.queryByTestId('questionnaire-title')).toBeNull();
    fireEvent.click(screen.getByText('居民代表、业主委员会'));
    const title = (await screen.findByTestId('questionnaire-title')) as HTMLInputElement;
    expect(title.value).toBe('东城区安定门街道社区治理情况调查问卷（居民代表、业主委员会）');
    expect((screen.getByTestId('questionnaire-intro') as HTMLTextAreaElement).value).toContain('北京市易和律师事务所');
    expect(questionTexts()).toEqual(residents.map((question) => question.text));
  });

  it('removes, reorders and adds questions from the bank, then sends them in that order', async () => {
    const { onSubmit } = renderEditor();
    fireEvent.click(screen.getByText('物业服务企业'));
    await screen.findByTestId('questionnaire-title');
    const before = questionTexts();
    const items = () => screen.getAllByTestId('editor-question');
    fireEvent.click(within(items()[0] as HTMLElement).getByTestId('remove-question'));
    fireEvent.click(within(items()[1] as HTMLElement).getByTestId('move-up'));
    expect(questionTexts()).toEqual([before[2], before[1], ...before.slice(3)]);

    fireEvent.click(screen.getByTestId('open-bank'));
    const bank = await screen.findByTestId('bank-picker');
    // Questions of other audiences are a click away.
    expect(within(bank).queryByText('您在本社区居住了多长时间？')).toBeNull();
    fireEvent.click(within(bank).getByText('全部题库'));
    fireEvent.click(within(bank).getByText('您在本社区居住了多长时间？'));
    fireEvent.click(within(bank).getByTestId('bank-add'));
    await waitFor(() => expect(questionTexts().at(-1)).toBe('您在本社区居住了多长时间？'));

    fireEvent.click(screen.getByTestId('questionnaire-save'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const sent = onSubmit.mock.calls[0]?.[0];
    expect(sent?.audience).toBe('property');
    expect(sent?.questions.map((question) => question.text)).toEqual(questionTexts());
  });

  it('writes a custom multiple-choice question with its options and limit', async () => {
    const { onSubmit } = renderEditor();
    fireEvent.click(screen.getByText('社区居（村）民委员会'));
    await screen.findByTestId('questionnaire-title');
    fireEvent.click(screen.getByTestId('add-custom'));
    const dialog = await screen.findByTestId('question-dialog');
    fireEvent.click(within(dialog).getByText('多选'));
    fireEvent.change(within(dialog).getByPlaceholderText('例如：您对小区停车管理的总体评价'), {
      target: { value: '本社区停车难的主要原因' },
    });
    // Saving with empty options is refused on the options.
    fireEvent.click(screen.getByTestId('question-dialog-save'));
    expect(await within(dialog).findAllByText('请填写选项内容')).toHaveLength(2);
    fireEvent.change(within(dialog).getByLabelText('选项 1'), { target: { value: '车位少' } });
    fireEvent.change(within(dialog).getByLabelText('选项 2'), { target: { value: '外来车辆多' } });
    fireEvent.click(within(dialog).getByTestId('add-option'));
    fireEvent.change(await within(dialog).findByLabelText('选项 3'), { target: { value: '车位少' } });
    fireEvent.click(screen.getByTestId('question-dialog-save'));
    expect(await within(dialog).findByText('与其他选项重复')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('选项 3'), { target: { value: '收费不合理' } });
    fireEvent.change(within(dialog).getByPlaceholderText('不限'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('question-dialog-save'));
    await waitFor(() => expect(questionTexts().at(-1)).toBe('本社区停车难的主要原因'));

    fireEvent.click(screen.getByTestId('questionnaire-save'));
    const custom = onSubmit.mock.calls[0]?.[0].questions.at(-1);
    expect(custom).toEqual({
      key: 'custom-1',
      type: 'multiple',
      text: '本社区停车难的主要原因',
      required: true,
      options: ['车位少', '外来车辆多', '收费不合理'],
      maxChoices: 2,
    });
  });

  it('refuses an empty title or an empty questionnaire before asking the server', async () => {
    const { onSubmit } = renderEditor();
    fireEvent.click(screen.getByText('街道（乡镇）领导及工作人员'));
    const title = await screen.findByTestId('questionnaire-title');
    fireEvent.change(title, { target: { value: '  ' } });
    while (screen.queryAllByTestId('remove-question').length > 0)
      fireEvent.click(screen.getAllByTestId('remove-question')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('questionnaire-save'));
    expect(screen.getByText('请填写问卷标题')).toBeTruthy();
    expect(screen.getByText('问卷至少需要一道题目')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s 422 on the question it names, and lists it', () => {
    const error = new ApiError(
      'createQuestionnaire',
      422,
      {
        code: 'form_invalid',
        message: '表单填写有误，请按提示修改',
        requestId: 'req-1',
        fieldErrors: [
          { field: 'questions.1.maxChoices', code: 'too_large', message: '最多可选项数超过了选项数' },
          { field: 'title', code: 'too_long', message: '标题过长' },
        ],
      },
      true,
    );
    renderEditor({ initial: { audience: 'residents', title: '问卷', intro: '说明', questions: residents }, error });
    const second = screen.getAllByTestId('editor-question')[1] as HTMLElement;
    expect(second.className).toContain('has-error');
    expect(second.textContent).toContain('最多可选项数超过了选项数');
    expect(screen.getAllByText('标题过长').length).toBeGreaterThan(0);
    const listed = screen.getByTestId('editor-error').textContent;
    expect(listed).toContain('第2题：最多可选项数超过了选项数');
    expect(placeOfField('questions.12.options.3')).toBe(12);
    expect(placeOfField('audience')).toBe('audience');
    expect(placeOfField('questions')).toBe('questions');
  });

  it('revising asks for a reason and refuses a version that changes nothing', () => {
    const { onSubmit } = renderEditor({
      mode: 'revise',
      initial: { audience: 'residents', title: '问卷', intro: '说明', questions: residents },
    });
    expect(screen.queryByText('调查对象')).toBeNull();
    fireEvent.click(screen.getByTestId('questionnaire-save'));
    expect(screen.getByText('请填写修订原因')).toBeTruthy();
    fireEvent.change(screen.getByTestId('questionnaire-reason'), { target: { value: '街道意见' } });
    fireEvent.click(screen.getByTestId('questionnaire-save'));
    expect(screen.getByTestId('editor-unchanged')).toBeTruthy();
    fireEvent.click(screen.getAllByTestId('remove-question')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('questionnaire-save'));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ reason: '街道意见', questions: residents.slice(1) }),
    );
  });
});
