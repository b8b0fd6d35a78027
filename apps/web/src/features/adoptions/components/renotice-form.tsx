import { civilDateAt } from '@gongzhi/domain';
import { Alert, App, Form } from 'antd';
import { useState } from 'react';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type Adoption, useRenoticeAdoption } from '../api/adoptions';
import { renoticeAfter, renoticeBounds } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';
import { NoticeFields, type NoticeValues } from './notice-fields';
import { fieldErrorsOf, StepModal } from './step-modal';

/**
 * 修改草案后重新公示: after a failed vote (or before any), the revised draft goes on a new notice,
 * starting after the last meeting (or the previous notice); the same bounds as the first.
 */
export function RenoticeForm({
  engagementId,
  adoption,
  onClose,
}: {
  engagementId: string;
  adoption: Adoption;
  onClose: () => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeValues>();
  const renotice = useRenoticeAdoption(engagementId, adoption.id);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [today] = useState(() => civilDateAt(new Date()));
  const bounds = renoticeBounds(adoption, today);

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await renotice.mutateAsync({ ...values, location: values.location.trim(), idempotencyKey });
      void message.success(t('renotice.done'));
      onClose();
    } catch (error) {
      const errors = fieldErrorsOf(error, ['noticeFrom', 'noticeTo', 'location'] as const);
      form.setFields(errors);
      if (errors[0]) form.scrollToField(errors[0].name);
    }
  };

  return (
    <StepModal
      title={t('renotice.title')}
      testId="adoption-renotice-form"
      submitLabel={t('renotice.submit')}
      pending={renotice.isPending}
      error={renotice.error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('renotice.lead', { date: renoticeAfter(adoption) })}
      />
      <Form
        form={form}
        name="adoption-renotice"
        layout="vertical"
        scrollToFirstError
        initialValues={{ noticeFrom: bounds.from.initial, noticeTo: bounds.to, location: adoption.notice.location }}
      >
        <NoticeFields today={today} fromBounds={bounds.from} />
      </Form>
    </StepModal>
  );
}
