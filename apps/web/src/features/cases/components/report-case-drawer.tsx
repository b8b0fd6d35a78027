import { civilDateAt } from '@gongzhi/domain';
import { App, Button, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type ReportCaseBody, useCaseViolations, useReportCase } from '../api/cases';
import { useCasesTranslation } from '../utils/use-cases-translation';

interface FormValues {
  community: string;
  title: string;
  place: string;
  violation: string;
  description: string;
  reportedOn: string;
}

const NONE = '__none__';

/** Reports a community problem: it opens as a case at 德治 (the open letter due first). */
export function ReportCaseDrawer({ engagementId, communities, onClose, onReported }: { engagementId: string; communities: { key: string; name: string }[]; onClose: () => void; onReported: (caseId: string) => void }) {
  const { t } = useCasesTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const violations = useCaseViolations(engagementId);
  const report = useReportCase(engagementId);
  // One key per opening of the form: a retried submit files one case.
  const [key] = useState(newIdempotencyKey);
  const today = civilDateAt(new Date());
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body: ReportCaseBody = {
      community: values.community,
      title: values.title.trim(),
      place: values.place.trim(),
      violation: values.violation === NONE ? null : values.violation,
      description: (values.description ?? '').trim(),
      reportedOn: values.reportedOn,
    };
    try {
      const created = await report.mutateAsync({ body, idempotencyKey: key });
      void message.success(t('reported'));
      onClose();
      onReported(created.id);
    } catch (error) {
      if (isApiError(error)) form.setFields(error.fieldErrors.map((field) => ({ name: field.field === 'reportedOn' ? 'reportedOn' : (field.field as keyof FormValues), errors: [field.message] })));
    }
  };
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={t('report')}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={report.isPending} onClick={() => void submit()} data-testid="report-case-submit">
            {t('submit')}
          </Button>
        </Flex>
      }
    >
      {report.error ? <ErrorAlert error={report.error} compact /> : null}
      <Form form={form} layout="vertical" initialValues={{ reportedOn: today, violation: NONE, ...(communities.length === 1 ? { community: communities[0]!.key } : {}) }}>
        <Form.Item name="community" label={t('fields.community')} rules={[{ required: true, message: t('fields.required') }]}>
          <Select options={communities.map((community) => ({ value: community.key, label: community.name }))} data-testid="report-case-community" />
        </Form.Item>
        <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, message: t('fields.required') }]}>
          <Input maxLength={200} placeholder={t('fields.titlePlaceholder')} data-testid="report-case-title" />
        </Form.Item>
        <Form.Item name="place" label={t('fields.placeField')} rules={[{ required: true, whitespace: true, message: t('fields.required') }]}>
          <Input maxLength={200} placeholder={t('fields.placePlaceholder')} data-testid="report-case-place" />
        </Form.Item>
        <Form.Item name="violation" label={t('fields.violation')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={violations.isPending}
            options={[{ value: NONE, label: t('fields.violationNone') }, ...(violations.data ?? []).map((violation) => ({ value: violation.key, label: violation.unverified ? t('violationUnverified', { title: violation.title }) : violation.title }))]}
            data-testid="report-case-violation"
          />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="reportedOn" label={t('fields.reportedOn')} rules={[{ required: true, message: t('fields.required') }]}>
          <Input type="date" max={today} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
