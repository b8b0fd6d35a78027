import { caseStepLabels, TIMED_CASE_STEPS, type TimedCaseStep } from '@gongzhi/domain';
import { App, Button, Card, Descriptions, Drawer, Flex, Form, Grid, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { useLocalized } from '../../../lib/i18n';
import { type CaseSettings, useCaseSettings, useCaseViolations, useSaveCaseSettings } from '../api/cases';
import { useCasesTranslation } from '../utils/use-cases-translation';

type Periods = Partial<Record<TimedCaseStep | 'redAfter', number | null>>;
interface FormValues {
  defaults: Periods;
  byViolation: { violation: string; periods: Periods }[];
}

const STEPS = [...TIMED_CASE_STEPS, 'redAfter'] as const;
/** What is sent: only the periods filled in. */
const given = (periods: Periods) => Object.fromEntries(Object.entries(periods ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));

/** The periods cases run on (business days per step), and for the PM a drawer to set them. */
export function CasePeriods({ engagementId }: { engagementId: string }) {
  const { t } = useCasesTranslation();
  const { text } = useLocalized();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const settings = useCaseSettings(engagementId);
  const violations = useCaseViolations(engagementId);
  const save = useSaveCaseSettings(engagementId);
  const [form] = Form.useForm<FormValues>();
  const [isEditing, setIsEditing] = useState(false);
  const label = (step: (typeof STEPS)[number]) => (step === 'redAfter' ? t('periods.redAfter') : text(caseStepLabels[step]));
  if (!settings.data) return null;
  const current: CaseSettings = settings.data;
  const titleOf = (key: string) => violations.data?.find((violation) => violation.key === key)?.title ?? key;

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await save.mutateAsync({
        defaults: given(values.defaults),
        byViolation: Object.fromEntries((values.byViolation ?? []).filter((row) => row.violation).map((row) => [row.violation, given(row.periods)])),
        expectedVersion: current.version,
      });
      void message.success(t('done'));
      setIsEditing(false);
    } catch (error) {
      if (isApiError(error, 'conflict')) void settings.refetch();
    }
  };

  return (
    <Card
      size="small"
      title={t('periods.title')}
      extra={
        current.can.edit ? (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ defaults: { ...current.defaults }, byViolation: Object.entries(current.byViolation).map(([violation, periods]) => ({ violation, periods: { ...periods } })) });
              setIsEditing(true);
            }}
            data-testid="edit-case-periods"
          >
            {t('periods.edit')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('periods.intro')}</Typography.Paragraph>
      <Descriptions size="small" column={screens.md ? 3 : 1}>
        {STEPS.map((step) => (
          <Descriptions.Item key={step} label={label(step)}>
            {t('periods.days', { count: current.periods[step] })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {Object.entries(current.byViolation).map(([key, periods]) => (
        <div key={key} className="gz-muted">
          {t('detail.line', { label: titleOf(key), value: Object.entries(periods).map(([step, days]) => `${label(step as (typeof STEPS)[number])} ${t('periods.days', { count: days })}`).join(t('periods.separator')) })}
        </div>
      ))}
      <Drawer
        open={isEditing}
        onClose={() => setIsEditing(false)}
        size={screens.md ? 640 : '100%'}
        title={t('periods.title')}
        destroyOnHidden
        footer={
          <Flex justify="end" gap={8}>
            <Button onClick={() => setIsEditing(false)}>{t('cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="save-case-periods">
              {t('submit')}
            </Button>
          </Flex>
        }
      >
        {save.error ? <ErrorAlert error={save.error} compact /> : null}
        <Form form={form} layout="vertical">
          <Typography.Title level={5}>{t('periods.engagement')}</Typography.Title>
          <Flex gap={12} wrap>
            {STEPS.map((step) => (
              <Form.Item key={step} name={['defaults', step]} label={label(step)} style={{ width: 150 }}>
                <InputNumber min={step === 'redAfter' ? 0 : 1} max={120} precision={0} placeholder={String(current.periods[step])} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </Flex>
          <Typography.Title level={5}>{t('periods.byViolation')}</Typography.Title>
          <Form.List name="byViolation">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Card key={row.key} size="small" style={{ marginBottom: 8 }} extra={<Button size="small" danger type="link" onClick={() => remove(row.name)}>{t('periods.remove')}</Button>}>
                    <Form.Item name={[row.name, 'violation']} label={t('fields.violation')} rules={[{ required: true, message: t('fields.required') }]}>
                      <Select showSearch={{ optionFilterProp: 'label' }} options={(violations.data ?? []).map((violation) => ({ value: violation.key, label: violation.title }))} />
                    </Form.Item>
                    <Flex gap={12} wrap>
                      {STEPS.map((step) => (
                        <Form.Item key={step} name={[row.name, 'periods', step]} label={label(step)} style={{ width: 150 }}>
                          <InputNumber min={step === 'redAfter' ? 0 : 1} max={120} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      ))}
                    </Flex>
                  </Card>
                ))}
                <Button onClick={() => add({ violation: undefined, periods: {} })}>{t('periods.add')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Drawer>
    </Card>
  );
}
