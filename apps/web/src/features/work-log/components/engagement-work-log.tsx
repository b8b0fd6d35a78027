import { civilDateAt, WORK_LOG_ACTIVITIES, WORK_LOG_LIMITS, workLogActivityLabels, workLogHours as hoursOf } from '@gongzhi/domain';
import { App, Button, Card, Drawer, Empty, Flex, Form, Grid, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { ReasonModal } from '../../../components/reason-modal';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { useLocalized } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type WorkLogT, useWorkLogTranslation } from '../utils/use-work-log-translation';
import { type WorkLog, type WorkLogEntry, type WorkLogQuery, useDownloadWorkLedger, useLogWork, useShareWorkLogEntry, useWithdrawWorkLogEntry, useWorkLog } from '../api/work-log';

type Community = { key: string; name: string };
type LogValues = { workedOn: string; minutes: number; activity: (typeof WORK_LOG_ACTIVITIES)[number]; community?: string; note: string; sharedWithClient: boolean };

/** The usual lengths of a visit, a lecture, a review: one tap on a phone. */
const QUICK_MINUTES = [30, 60, 90, 120, 180];
const LOG_FIELDS = ['workedOn', 'minutes', 'activity', 'community', 'note', 'sharedWithClient'];

/** 90 → "1 小时 30 分钟". */
export function formatDuration(t: WorkLogT, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { minutes });
  return rest === 0 ? t('duration.hours', { hours }) : t('duration.both', { hours, minutes: rest });
}

function LogDrawer({ engagementId, communities, onClose }: { engagementId: string; communities: Community[]; onClose: () => void }) {
  const { t } = useWorkLogTranslation();
  const { text } = useLocalized();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<LogValues>();
  const log = useLogWork(engagementId);
  const [key] = useState(newIdempotencyKey);
  const today = civilDateAt(new Date());
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      const { community, ...rest } = values;
      await log.mutateAsync({ ...rest, note: values.note.trim(), ...(community ? { community } : {}), idempotencyKey: key });
      void message.success(t('logged'));
      onClose();
    } catch (error) {
      if (isApiError(error)) form.setFields(error.fieldErrors.filter((field) => LOG_FIELDS.includes(field.field)).map((field) => ({ name: field.field as keyof LogValues, errors: [field.message] })));
    }
  };
  const required = { required: true, message: t('required') };
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 520 : '100%'}
      title={t('logTitle')}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={log.isPending} onClick={() => void submit()} data-testid="work-log-submit">
            {t('submit')}
          </Button>
        </Flex>
      }
    >
      {log.error ? <ErrorAlert error={log.error} compact /> : null}
      <Form form={form} name="work-log" layout="vertical" initialValues={{ workedOn: today, minutes: 60, activity: 'visit', sharedWithClient: false }}>
        <Flex gap={12} wrap>
          <Form.Item name="workedOn" label={t('workedOn')} rules={[required]} style={{ flex: '1 1 150px' }}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item name="activity" label={t('activity')} rules={[required]} style={{ flex: '1 1 150px' }}>
            <Select options={WORK_LOG_ACTIVITIES.map((activity) => ({ value: activity, label: text(workLogActivityLabels[activity]) }))} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('minutes')} htmlFor="work-log_minutes" required>
          <Space wrap>
            <Form.Item name="minutes" noStyle rules={[required]}>
              <InputNumber min={WORK_LOG_LIMITS.minMinutes} max={WORK_LOG_LIMITS.maxMinutes} step={5} precision={0} style={{ width: 110 }} />
            </Form.Item>
            {QUICK_MINUTES.map((minutes) => (
              <Button key={minutes} size="small" onClick={() => form.setFieldValue('minutes', minutes)}>
                {formatDuration(t, minutes)}
              </Button>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="community" label={t('community')}>
          <Select allowClear placeholder={t('communityPlaceholder')} options={communities.map((item) => ({ value: item.key, label: item.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={WORK_LOG_LIMITS.note} placeholder={t('notePlaceholder')} />
        </Form.Item>
        <Form.Item name="sharedWithClient" label={t('sharedLabel')} valuePropName="checked" extra={t('sharedHelp')}>
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function WithdrawModal({ engagementId, entry, onClose }: { engagementId: string; entry: WorkLogEntry; onClose: () => void }) {
  const { t } = useWorkLogTranslation();
  const withdraw = useWithdrawWorkLogEntry(engagementId);
  return (
    <ReasonModal
      name="work-log-withdrawal"
      labels={{ title: t('withdrawTitle'), reason: t('reason'), submit: t('submit'), cancel: t('cancel'), required: t('required') }}
      maxLength={WORK_LOG_LIMITS.reason}
      onSubmit={(reason) => withdraw.mutateAsync({ entryId: entry.id, reason })}
      pending={withdraw.isPending}
      error={withdraw.error}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {entry.workedOn} · {entry.note}
      </Typography.Paragraph>
    </ReasonModal>
  );
}

/** The hours, by activity and by community: what the engagement is assessed on. */
function Totals({ totals }: { totals: WorkLog['totals'] }) {
  const { t } = useWorkLogTranslation();
  const { text } = useLocalized();
  const activities = totals.byActivity.filter((row) => row.entries > 0);
  return (
    <Card size="small" data-testid="work-log-totals">
      <Flex wrap style={{ rowGap: 12, columnGap: 32 }}>
        <div>
          <div className="gz-kpi-title">{t('hours')}</div>
          <div className="gz-num" style={{ fontSize: 22, fontWeight: 600 }}>
            {t('hoursValue', { hours: hoursOf(totals.minutes) })}
          </div>
          <div className="gz-muted">{t('entriesValue', { count: totals.entries })}</div>
        </div>
        {activities.length > 0 ? (
          <div style={{ flex: '1 1 240px' }}>
            <div className="gz-kpi-title">{t('byActivity')}</div>
            <Flex gap={4} wrap>
              {activities.map((row) => (
                <Tag key={row.activity}>{t('groupValue', { name: text(workLogActivityLabels[row.activity]), hours: hoursOf(row.minutes) })}</Tag>
              ))}
            </Flex>
          </div>
        ) : null}
        {totals.byCommunity.length > 0 ? (
          <div style={{ flex: '1 1 240px' }}>
            <div className="gz-kpi-title">{t('byCommunity')}</div>
            <Flex gap={4} wrap>
              {totals.byCommunity.map((row) => (
                <Tag key={row.community?.key ?? ''}>{t('groupValue', { name: row.community?.name ?? t('wholeEngagement'), hours: hoursOf(row.minutes) })}</Tag>
              ))}
            </Flex>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}

function EntryItem({ entry, isClient, onShare, onWithdraw, sharing }: { entry: WorkLogEntry; isClient: boolean; onShare: (shared: boolean) => void; onWithdraw: () => void; sharing: boolean }) {
  const { t } = useWorkLogTranslation();
  const { text } = useLocalized();
  return (
    <div className={entry.withdrawn ? 'gz-work-log-entry gz-muted' : 'gz-work-log-entry'} data-testid="work-log-entry">
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Space size={6} wrap>
          <span className="gz-num">{entry.workedOn}</span>
          <Tag color={entry.withdrawn ? undefined : 'blue'}>{text(workLogActivityLabels[entry.activity])}</Tag>
          <span>{entry.community?.name ?? t('wholeEngagement')}</span>
          <span className="gz-muted gz-num">{formatDuration(t, entry.minutes)}</span>
        </Space>
        <Space size={6} wrap>
          {/* The client sees shared entries only: the mark is for the firm. */}
          {entry.withdrawn ? <Tag>{t('withdrawn')}</Tag> : entry.sharedWithClient && !isClient ? <Tag color="green">{t('shared')}</Tag> : null}
        </Space>
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0 4px', whiteSpace: 'pre-wrap' }} delete={Boolean(entry.withdrawn)}>
        {entry.note}
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span className="gz-muted">
          {t('loggedBy', { name: entry.loggedBy.displayName })}
          {entry.withdrawn ? ` · ${t('withdrawnReason', { reason: entry.withdrawn.reason })}` : null}
        </span>
        {entry.can.share || entry.can.withdraw ? (
          <Space size={4} wrap>
            {entry.can.share ? (
              <Button size="small" type="link" loading={sharing} onClick={() => onShare(!entry.sharedWithClient)}>
                {entry.sharedWithClient ? t('unshare') : t('share')}
              </Button>
            ) : null}
            {entry.can.withdraw ? (
              <Button size="small" type="link" danger onClick={onWithdraw}>
                {t('withdraw')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Flex>
    </div>
  );
}

/**
 * 工作日志: the firm's team logs what it did (from a phone, in seconds) and sees the hours it adds
 * up to; the client's contact reads the entries shared with them as the engagement's service
 * updates, with the hours of all the work logged. `myId`: the signed-in user, for “only mine”.
 */
export function EngagementWorkLog({ engagementId, communities, isClient, myId }: { engagementId: string; communities: Community[]; isClient: boolean; myId?: string }) {
  const { t } = useWorkLogTranslation();
  const [query, setQuery] = useState<WorkLogQuery>({});
  const log = useWorkLog(engagementId, query);
  const share = useShareWorkLogEntry(engagementId);
  const download = useDownloadWorkLedger(engagementId);
  const [isLogging, setIsLogging] = useState(false);
  const [withdrawing, setWithdrawing] = useState<WorkLogEntry | null>(null);
  if (log.isPending) return <BlockSkeleton rows={6} />;
  if (log.isError) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  const { items, totals, can } = log.data;
  return (
    <div className="gz-stack" data-testid="work-log">
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {isClient ? t('clientIntro') : t('intro')}
        </Typography.Text>
        <Space wrap>
          {isClient ? null : (
            <Button loading={download.isPending} onClick={() => download.mutate(query.community)} data-testid="work-ledger-export">
              {t('export')}
            </Button>
          )}
          {can.log ? (
            <Button type="primary" onClick={() => setIsLogging(true)} data-testid="log-work">
              {t('log')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {download.error ? <ErrorAlert error={download.error} compact /> : null}
      <Totals totals={totals} />
      <Card
        size="small"
        title={
          <Space wrap>
            <Select
              size="small"
              style={{ minWidth: 140 }}
              value={query.community ?? ''}
              onChange={(community: string) => setQuery((current) => ({ ...current, community: community || undefined }))}
              options={[{ value: '', label: t('allCommunities') }, ...communities.map((item) => ({ value: item.key, label: item.name }))]}
              aria-label={t('filterCommunity')}
            />
            {!isClient && myId ? (
              <Space size={6}>
                <Switch size="small" checked={query.loggedBy === myId} onChange={(mine) => setQuery((current) => ({ ...current, loggedBy: mine ? myId : undefined }))} aria-label={t('mine')} />
                <span>{t('mine')}</span>
              </Space>
            ) : null}
          </Space>
        }
      >
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isClient ? t('clientEmpty') : t('empty')}>
            {isClient ? null : <Typography.Text type="secondary">{t('emptyHint')}</Typography.Text>}
          </Empty>
        ) : (
          <div className="gz-work-log">
            {items.map((entry) => (
              <EntryItem
                key={entry.id}
                entry={entry}
                isClient={isClient}
                sharing={share.isPending && share.variables?.entryId === entry.id}
                onShare={(sharedWithClient) => share.mutate({ entryId: entry.id, sharedWithClient })}
                onWithdraw={() => setWithdrawing(entry)}
              />
            ))}
          </div>
        )}
        {share.error ? <ErrorAlert error={share.error} compact /> : null}
      </Card>
      {isLogging ? <LogDrawer engagementId={engagementId} communities={communities} onClose={() => setIsLogging(false)} /> : null}
      {withdrawing ? <WithdrawModal engagementId={engagementId} entry={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </div>
  );
}
