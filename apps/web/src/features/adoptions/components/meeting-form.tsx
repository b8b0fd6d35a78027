import { ADOPTION_LIMITS, civilDateAt, meetingKindOf } from '@gongzhi/domain';
import { Alert, App, Flex, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type Adoption, useRecordMeeting } from '../api/adoptions';
import {
  AREA_FIELDS,
  type FigureField,
  figuresOf,
  formFieldOf,
  meetingDateBounds,
  OWNERS_FIELDS,
  RESIDENTS_FIELDS,
  withinBounds,
} from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';
import { fieldErrorsOf, StepModal } from './step-modal';

type FormValues = Partial<Record<FigureField, number | null>> & { heldOn: string; note?: string };

/** Those entitled and all owners are at least one; the rest may be none. */
const AT_LEAST_ONE: ReadonlySet<FigureField> = new Set(['eligible', 'totalOwners']);

/**
 * 登记表决结果: the day and the figures from the minutes — a residents' meeting's (entitled,
 * present, for, against, abstaining) for a convention, the owners' area and headcount for an owners'
 * matter. The verdict is the law's, computed by the API; the drawer shows it once recorded.
 */
export function MeetingForm({
  engagementId,
  adoption,
  onClose,
  onRecorded,
}: {
  engagementId: string;
  adoption: Adoption;
  onClose: () => void;
  onRecorded?: (adoption: Adoption) => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordMeeting(engagementId, adoption.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [today] = useState(() => civilDateAt(new Date()));
  const bounds = meetingDateBounds(adoption, today);
  const kind = meetingKindOf(adoption.instrument);
  const fields = kind === 'residents' ? RESIDENTS_FIELDS : OWNERS_FIELDS;

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const note = values.note?.trim();
    try {
      const recorded = await record.mutateAsync({
        heldOn: values.heldOn,
        figures: figuresOf(kind, values),
        ...(note ? { note } : {}),
        idempotencyKey,
      });
      const verdict = recorded.meetings.at(-1)?.verdict;
      if (verdict === 'passed') void message.success(t('meeting.recorded'));
      else void message.warning(t('meeting.recorded'));
      onClose();
      onRecorded?.(recorded);
    } catch (error) {
      const errors = fieldErrorsOf(error, ['heldOn', 'note', ...fields] as const, formFieldOf);
      form.setFields(errors);
      if (errors[0]) form.scrollToField(errors[0].name);
    }
  };

  const required = { required: true, message: t('form.required') };
  return (
    <StepModal
      title={t('meeting.title')}
      testId="adoption-meeting-form"
      submitLabel={t('meeting.submit')}
      pending={record.isPending}
      error={record.error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={kind === 'residents' ? t('meeting.residentsLead') : t('meeting.ownersLead')}
        description={t('meeting.verdictByLaw')}
      />
      <Form
        form={form}
        name="adoption-meeting"
        layout="vertical"
        scrollToFirstError
        initialValues={{ heldOn: bounds.initial }}
      >
        <Form.Item
          name="heldOn"
          label={t('meeting.heldOn')}
          extra={t('meeting.heldOnHelp')}
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) =>
                !value || withinBounds(value, bounds)
                  ? undefined
                  : Promise.reject(new Error(t('meeting.heldOnRange', { min: bounds.min, max: bounds.max }))),
            },
          ]}
        >
          <Input
            type="date"
            min={bounds.min}
            max={bounds.max}
            style={{ maxWidth: 200 }}
            data-testid="adoption-meeting-held-on"
          />
        </Form.Item>
        <Flex gap={12} wrap className="gz-adoption-figure-fields">
          {fields.map((field) => {
            const isArea = AREA_FIELDS.has(field);
            return (
              <Form.Item
                key={field}
                name={field}
                label={t(`meeting.${field}`)}
                rules={[required]}
                style={{ flex: kind === 'residents' ? '1 1 140px' : '1 1 240px', minWidth: 0 }}
              >
                <InputNumber
                  min={AT_LEAST_ONE.has(field) ? 1 : field === 'totalArea' ? 0.01 : 0}
                  max={isArea ? ADOPTION_LIMITS.maxArea : ADOPTION_LIMITS.maxHeadcount}
                  precision={isArea ? 2 : 0}
                  step={isArea ? 0.01 : 1}
                  inputMode={isArea ? 'decimal' : 'numeric'}
                  style={{ width: '100%' }}
                  data-testid={`adoption-meeting-${field}`}
                />
              </Form.Item>
            );
          })}
        </Flex>
        <Form.Item name="note" label={t('meeting.note')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={ADOPTION_LIMITS.note}
            placeholder={t('meeting.notePlaceholder')}
            data-testid="adoption-meeting-note"
          />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
