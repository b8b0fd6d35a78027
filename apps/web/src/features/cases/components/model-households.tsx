import { civilDateAt } from '@gongzhi/domain';
import { App, Button, Card, Drawer, Flex, Form, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { ReasonModal } from '../../../components/reason-modal';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useCases } from '../api/cases';
import { type ModelHousehold, useModelHouseholds, useRecordModelHousehold, useWithdrawModelHousehold } from '../api/model-households';
import { useCasesTranslation } from '../utils/use-cases-translation';

type Community = { key: string; name: string };
type RecordValues = { community: string; household: string; deeds: string; recognizedOn: string; recognizedBy: string; case?: string };

function RecordDrawer({ engagementId, communities, onClose }: { engagementId: string; communities: Community[]; onClose: () => void }) {
  const { t } = useCasesTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordModelHousehold(engagementId);
  const cases = useCases(engagementId);
  const [key] = useState(newIdempotencyKey);
  const today = civilDateAt(new Date());
  const community = Form.useWatch('community', form);
  // The committee filled in for the community chosen: replaced when the community changes, unless edited.
  const filled = useRef<string | null>(null);
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await record.mutateAsync({ ...values, household: values.household.trim(), deeds: values.deeds.trim(), recognizedBy: values.recognizedBy.trim(), ...(values.case ? { case: values.case } : {}), idempotencyKey: key });
      void message.success(t('households.recorded'));
      onClose();
    } catch (error) {
      if (isApiError(error)) form.setFields(error.fieldErrors.filter((field) => ['community', 'household', 'deeds', 'recognizedOn', 'recognizedBy', 'case'].includes(field.field)).map((field) => ({ name: field.field as keyof RecordValues, errors: [field.message] })));
    }
  };
  const required = [{ required: true, whitespace: true, message: t('fields.required') }];
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={t('households.record')}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={record.isPending} onClick={() => void submit()} data-testid="household-submit">
            {t('submit')}
          </Button>
        </Flex>
      }
    >
      {record.error ? <ErrorAlert error={record.error} compact /> : null}
      <Form
        form={form}
        name="model-household"
        layout="vertical"
        initialValues={{ recognizedOn: today }}
        onValuesChange={(changed: Partial<RecordValues>) => {
          // The community's residents' committee recognises most; the case list follows the community.
          if (changed.community) {
            const name = communities.find((item) => item.key === changed.community)?.name;
            const current = (form.getFieldValue('recognizedBy') as string | undefined) ?? '';
            if (name && (current === '' || current === filled.current)) {
              filled.current = t('households.committeeOf', { name });
              form.setFieldValue('recognizedBy', filled.current);
            }
            form.setFieldValue('case', undefined);
          }
        }}
      >
        <Form.Item name="community" label={t('fields.community')} rules={[{ required: true, message: t('fields.required') }]}>
          <Select options={communities.map((item) => ({ value: item.key, label: item.name }))} />
        </Form.Item>
        <Form.Item name="household" label={t('households.household')} rules={required}>
          <Input maxLength={100} placeholder={t('households.householdPlaceholder')} />
        </Form.Item>
        <Form.Item name="deeds" label={t('households.deeds')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={t('households.deedsPlaceholder')} />
        </Form.Item>
        <Form.Item name="recognizedOn" label={t('households.recognizedOn')} rules={[{ required: true, message: t('fields.required') }]}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="recognizedBy" label={t('households.recognizedBy')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="case" label={t('households.case')}>
          <Select
            allowClear
            disabled={!community}
            loading={cases.isPending}
            options={(cases.data?.items ?? []).filter((item) => item.community.key === community).map((item) => ({ value: item.id, label: t('households.caseOption', { title: item.title, place: item.place }) }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function WithdrawModal({ engagementId, household, onClose }: { engagementId: string; household: ModelHousehold; onClose: () => void }) {
  const { t } = useCasesTranslation();
  const withdraw = useWithdrawModelHousehold(engagementId);
  return (
    <ReasonModal
      name="model-household-withdrawal"
      labels={{ title: t('households.withdrawTitle', { household: household.household }), reason: t('fields.reason'), submit: t('submit'), cancel: t('cancel'), required: t('fields.required') }}
      maxLength={2000}
      onSubmit={(reason) => withdraw.mutateAsync({ householdId: household.id, reason })}
      pending={withdraw.isPending}
      error={withdraw.error}
      onClose={onClose}
    />
  );
}

/** 德治典型: the households each community recognised, counted per community; the firm's team records and withdraws them. */
export function ModelHouseholdsCard({ engagementId, communities, canRecord, onOpenCase }: { engagementId: string; communities: Community[]; canRecord: boolean; onOpenCase: (caseId: string) => void }) {
  const { t } = useCasesTranslation();
  const households = useModelHouseholds(engagementId);
  const [isRecording, setIsRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ModelHousehold | null>(null);
  const standing = (households.data?.items ?? []).filter((item) => !item.withdrawn);
  const perCommunity = communities.map((community) => ({ ...community, count: standing.filter((item) => item.community.key === community.key).length })).filter((community) => community.count > 0);
  return (
    <Card
      size="small"
      title={t('households.title')}
      extra={
        canRecord ? (
          <Button size="small" onClick={() => setIsRecording(true)} data-testid="record-household">
            {t('households.record')}
          </Button>
        ) : null
      }
      data-testid="model-households"
    >
      {households.isPending ? (
        <BlockSkeleton rows={3} />
      ) : households.isError ? (
        <ErrorAlert error={households.error} onRetry={() => void households.refetch()} />
      ) : households.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('households.empty')}</Typography.Text>
      ) : (
        <div className="gz-stack">
          <Typography.Text>
            {t('households.summary', { count: standing.length })}
            {perCommunity.length > 0 ? t('households.perCommunity', { list: perCommunity.map((community) => t('households.communityCount', { name: community.name, count: community.count })).join(t('households.separator')) }) : null}
          </Typography.Text>
          <Table
            rowKey="id"
            size="small"
            pagination={households.data.items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 720 }}
            dataSource={households.data.items}
            rowClassName={(row) => (row.withdrawn ? 'gz-muted' : '')}
            columns={[
              {
                key: 'household',
                title: t('households.household'),
                width: 200,
                render: (_, row) => (
                  <div>
                    <div>
                      {row.household}
                      {row.withdrawn ? (
                        <Tag style={{ marginInlineStart: 6 }} title={row.withdrawn.reason}>
                          {t('households.withdrawn')}
                        </Tag>
                      ) : null}
                    </div>
                    <div className="gz-muted">{row.community.name}</div>
                  </div>
                ),
              },
              { key: 'deeds', title: t('households.deeds'), render: (_, row) => (row.withdrawn ? t('households.deedsWithdrawn', { deeds: row.deeds, reason: row.withdrawn.reason }) : row.deeds) },
              {
                key: 'recognized',
                title: t('households.recognized'),
                width: 170,
                render: (_, row) => (
                  <div>
                    <div className="gz-num">{row.recognizedOn}</div>
                    <div className="gz-muted">{row.recognizedBy}</div>
                  </div>
                ),
              },
              {
                key: 'case',
                title: t('households.case'),
                width: 160,
                render: (_, row) => (row.case ? <Typography.Link onClick={() => onOpenCase(row.case!.id)}>{row.case.title}</Typography.Link> : <span className="gz-muted">—</span>),
              },
              ...(canRecord
                ? [
                    {
                      key: 'actions',
                      title: '',
                      width: 80,
                      render: (_: unknown, row: ModelHousehold) =>
                        row.withdrawn ? null : (
                          <Button size="small" type="link" danger onClick={() => setWithdrawing(row)}>
                            {t('households.withdraw')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      {isRecording ? <RecordDrawer engagementId={engagementId} communities={communities} onClose={() => setIsRecording(false)} /> : null}
      {withdrawing ? <WithdrawModal engagementId={engagementId} household={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Card>
  );
}
