import { ADOPTION_LIMITS, civilDateAt } from '@gongzhi/domain';
import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type Adoption, useFileAdoption } from '../api/adoptions';
import { filingDateBounds, withinBounds } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';
import { fieldErrorsOf, StepModal } from './step-modal';

type FormValues = { filedOn: string; filedWith: string; filingNo?: string };

/**
 * 登记备案: a residents' convention adopted by the meeting is filed with the street office or
 * township government — the day (not before the vote), with whom (the client's office, proposed),
 * and the filing number if one was given. The procedure is then adopted.
 */
export function FilingForm({
  engagementId,
  adoption,
  filedWith,
  onClose,
}: {
  engagementId: string;
  adoption: Adoption;
  /** Proposed: the engagement's client, the street office or township itself. */
  filedWith?: string;
  onClose: () => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const file = useFileAdoption(engagementId, adoption.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [today] = useState(() => civilDateAt(new Date()));
  const bounds = filingDateBounds(adoption, today);

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const filingNo = values.filingNo?.trim();
    try {
      await file.mutateAsync({
        filedOn: values.filedOn,
        filedWith: values.filedWith.trim(),
        ...(filingNo ? { filingNo } : {}),
        idempotencyKey,
      });
      void message.success(t('filing.done'));
      onClose();
    } catch (error) {
      const errors = fieldErrorsOf(error, ['filedOn', 'filedWith', 'filingNo'] as const);
      form.setFields(errors);
      if (errors[0]) form.scrollToField(errors[0].name);
    }
  };

  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <StepModal
      title={t('filing.title')}
      testId="adoption-filing-form"
      submitLabel={t('filing.submit')}
      pending={file.isPending}
      error={file.error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('filing.lead')} />
      <Form
        form={form}
        name="adoption-filing"
        layout="vertical"
        scrollToFirstError
        initialValues={{ filedOn: bounds.initial, filedWith: filedWith ?? '' }}
      >
        <Form.Item
          name="filedOn"
          label={t('filing.filedOn')}
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) =>
                !value || withinBounds(value, bounds)
                  ? undefined
                  : Promise.reject(new Error(t('filing.filedOnRange', { min: bounds.min, max: bounds.max }))),
            },
          ]}
        >
          <Input
            type="date"
            min={bounds.min || undefined}
            max={bounds.max}
            style={{ maxWidth: 200 }}
            data-testid="adoption-filing-filed-on"
          />
        </Form.Item>
        <Form.Item name="filedWith" label={t('filing.filedWith')} rules={[required]}>
          <Input
            maxLength={ADOPTION_LIMITS.filedWith}
            placeholder={t('filing.filedWithPlaceholder')}
            data-testid="adoption-filing-filed-with"
          />
        </Form.Item>
        <Form.Item name="filingNo" label={t('filing.filingNo')}>
          <Input
            maxLength={ADOPTION_LIMITS.filingNo}
            placeholder={t('filing.filingNoPlaceholder')}
            data-testid="adoption-filing-no"
          />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
