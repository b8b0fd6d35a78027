import { addCalendarDays, type CaseActionType, type CaseEventKind, caseEventLabels, type CaseStep, caseStepLabels, civilDateAt, supervisionLabels, tierLabels } from '@gongzhi/domain';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Grid, Input, Modal, Radio, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useLocalized } from '../../../lib/i18n';
import { type CaseActionBody, type CaseDetail, useActOnCase, useCase, useDownloadCaseLetter, useDownloadReferralLetter } from '../api/cases';
import { type CasesKey, type CasesT, useCasesTranslation } from '../utils/use-cases-translation';
import { dueText, SUPERVISION_COLORS, TIER_COLORS } from '../utils/case-display';

type FieldSpec = { name: string; label: CasesKey; kind: 'line' | 'text' | 'date' | 'outcome' | 'passed'; optional?: boolean; placeholder?: CasesKey };

/** The fields each action asks for, besides its date. */
const ACTION_FIELDS: Record<CaseActionType, FieldSpec[]> = {
  publishLetter: [
    { name: 'channel', label: 'fields.channel', kind: 'line', placeholder: 'fields.channelPlaceholder' },
    { name: 'approvedBy', label: 'fields.approvedBy', kind: 'line', placeholder: 'fields.approvedByPlaceholder' },
    { name: 'note', label: 'fields.note', kind: 'text', optional: true },
  ],
  logVisit: [
    { name: 'visitor', label: 'fields.visitor', kind: 'line' },
    { name: 'visited', label: 'fields.visited', kind: 'line' },
    { name: 'note', label: 'fields.note', kind: 'text', optional: true },
  ],
  applyMeasures: [
    { name: 'clause', label: 'fields.clause', kind: 'line', placeholder: 'fields.clausePlaceholder' },
    { name: 'measures', label: 'fields.measures', kind: 'text' },
  ],
  recordMediation: [
    { name: 'parties', label: 'fields.parties', kind: 'line' },
    { name: 'outcome', label: 'fields.outcome', kind: 'outcome' },
    { name: 'note', label: 'fields.note', kind: 'text', optional: true },
  ],
  endObservation: [{ name: 'note', label: 'fields.note', kind: 'text', optional: true }],
  escalate: [{ name: 'reason', label: 'fields.reason', kind: 'text' }],
  refer: [
    { name: 'department', label: 'fields.department', kind: 'line' },
    { name: 'note', label: 'fields.note', kind: 'text', optional: true },
  ],
  accept: [
    { name: 'handler', label: 'fields.handler', kind: 'line', optional: true },
    { name: 'note', label: 'fields.note', kind: 'text', optional: true },
  ],
  sendBack: [{ name: 'reason', label: 'fields.reason', kind: 'text' }],
  reply: [
    { name: 'action', label: 'fields.action', kind: 'text' },
    { name: 'reply', label: 'fields.reply', kind: 'text' },
  ],
  resolve: [{ name: 'summary', label: 'fields.summary', kind: 'text' }],
  verify: [
    { name: 'passed', label: 'fields.passed', kind: 'passed' },
    { name: 'note', label: 'fields.checkNote', kind: 'text' },
  ],
  defer: [
    { name: 'reason', label: 'fields.reason', kind: 'text' },
    { name: 'reviewOn', label: 'fields.reviewOn', kind: 'date' },
  ],
  resume: [{ name: 'note', label: 'fields.note', kind: 'text', optional: true }],
  withdraw: [{ name: 'reason', label: 'fields.reason', kind: 'text' }],
};

/** The details of an event worth reading, in order, as "label: value". */
function eventDetails(t: CasesT, details: Record<string, string | number | boolean | null>): string[] {
  const shown: [string, CasesKey][] = [
    ['channel', 'fields.channel'],
    ['approvedBy', 'fields.approvedBy'],
    ['visitor', 'fields.visitor'],
    ['visited', 'fields.visited'],
    ['clause', 'fields.clause'],
    ['measures', 'fields.measures'],
    ['parties', 'fields.parties'],
    ['handler', 'fields.handler'],
    ['action', 'fields.action'],
    ['reply', 'fields.reply'],
    ['summary', 'fields.summary'],
    ['reason', 'fields.reason'],
    ['reviewOn', 'fields.reviewOn'],
    ['note', 'fields.note'],
  ];
  const lines = shown.flatMap(([key, label]) => (typeof details[key] === 'string' && details[key] ? [t('detail.line', { label: t(label), value: details[key] as string })] : []));
  if (details.outcome === 'agreed' || details.outcome === 'not_agreed') lines.unshift(t('detail.line', { label: t('fields.outcome'), value: t(details.outcome === 'agreed' ? 'fields.agreed' : 'fields.notAgreed') }));
  return lines;
}

function ActionModal({ engagementId, detail, action, onClose }: { engagementId: string; detail: CaseDetail; action: CaseActionType; onClose: () => void }) {
  const { t } = useCasesTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string | boolean>>();
  const act = useActOnCase(engagementId, detail.id);
  // One key per opening: a retried submit is the same action once.
  const [key] = useState(newIdempotencyKey);
  const fields = ACTION_FIELDS[action];
  const lineLimit = (name: string) => (['department', 'handler', 'visitor', 'approvedBy'].includes(name) ? 100 : 200);
  const today = civilDateAt(new Date());
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body = Object.fromEntries(
      Object.entries({ ...values, type: action, idempotencyKey: key }).flatMap(([name, value]) => (typeof value === 'string' ? (value.trim() ? [[name, value.trim()]] : []) : [[name, value]])),
    ) as CaseActionBody;
    try {
      await act.mutateAsync(body);
      void message.success(t('done'));
      onClose();
    } catch (error) {
      if (isApiError(error)) form.setFields(error.fieldErrors.filter((field) => field.field === 'on' || fields.some((spec) => spec.name === field.field)).map((field) => ({ name: field.field, errors: [field.message] })));
    }
  };
  return (
    <Modal open title={t(`actions.${action}`)} onCancel={onClose} onOk={() => void submit()} okText={t('submit')} cancelText={t('cancel')} confirmLoading={act.isPending} destroyOnHidden>
      {act.error ? <ErrorAlert error={act.error} compact /> : null}
      <Form form={form} layout="vertical" initialValues={{ on: today, ...(action === 'verify' ? { passed: true } : {}), ...(action === 'recordMediation' ? { outcome: 'agreed' } : {}) }}>
        <Form.Item name="on" label={t('fields.on')} rules={[{ required: true, message: t('fields.required') }]}>
          <Input type="date" max={today} data-testid="case-action-on" />
        </Form.Item>
        {fields.map((spec) => (
          <Form.Item key={spec.name} name={spec.name} label={t(spec.label)} rules={spec.optional ? [] : [{ required: true, whitespace: true, message: t('fields.required') }]}>
            {spec.kind === 'line' ? (
              <Input maxLength={lineLimit(spec.name)} {...(spec.placeholder ? { placeholder: t(spec.placeholder) } : {})} data-testid={`case-action-${spec.name}`} />
            ) : spec.kind === 'text' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={`case-action-${spec.name}`} />
            ) : spec.kind === 'date' ? (
              <Input type="date" min={addCalendarDays(today, 1)} />
            ) : spec.kind === 'outcome' ? (
              <Radio.Group options={[{ value: 'agreed', label: t('fields.agreed') }, { value: 'not_agreed', label: t('fields.notAgreed') }]} />
            ) : (
              <Radio.Group options={[{ value: true, label: t('fields.passedYes') }, { value: false, label: t('fields.passedNo') }]} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** A case: where it stands, what the viewer may do now, and its history. */
export function CaseDrawer({ engagementId, caseId, isClient = false, onClose }: { engagementId: string; caseId: string | null; isClient?: boolean; onClose: () => void }) {
  const { t } = useCasesTranslation();
  const { text } = useLocalized();
  const screens = Grid.useBreakpoint();
  const query = useCase(engagementId, caseId);
  const [action, setAction] = useState<CaseActionType | null>(null);
  const download = useDownloadReferralLetter(engagementId, caseId ?? '');
  const downloadLetter = useDownloadCaseLetter(engagementId, caseId ?? '');
  // A failed download of one case is not shown on the next.
  const { reset: resetDownload } = download;
  const { reset: resetLetterDownload } = downloadLetter;
  useEffect(() => {
    resetDownload();
    resetLetterDownload();
  }, [caseId, resetDownload, resetLetterDownload]);
  const detail = query.data;
  return (
    <Drawer open={caseId !== null} onClose={onClose} size={screens.md ? 640 : '100%'} title={detail?.title ?? t('detail.title')} destroyOnHidden>
      {query.isPending ? (
        <BlockSkeleton rows={8} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : detail ? (
        <div className="gz-stack" data-testid="case-detail">
          <Flex gap={4} wrap>
            <Tag color={TIER_COLORS[detail.tier]}>{text(tierLabels[detail.tier])}</Tag>
            <Tag>{text(caseStepLabels[detail.step as CaseStep])}</Tag>
            {detail.status === 'open' && detail.supervision !== 'normal' ? <Tag color={SUPERVISION_COLORS[detail.supervision]}>{text(supervisionLabels[detail.supervision])}</Tag> : null}
            {detail.status !== 'open' ? <Tag color={detail.status === 'resolved' ? 'success' : 'default'}>{t(detail.status === 'resolved' ? 'counts.resolved' : 'filters.closed')}</Tag> : null}
          </Flex>
          {detail.status === 'open' ? (
            <Typography.Text className="gz-num" data-testid="case-countdown">
              {t('detail.stepSince', { date: detail.stepStartedOn, due: detail.dueOn })} · <strong>{dueText(t, detail)}</strong>
            </Typography.Text>
          ) : null}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('fields.community')}>{detail.community.name}</Descriptions.Item>
            <Descriptions.Item label={t('detail.place')}>{detail.place}</Descriptions.Item>
            <Descriptions.Item label={t('detail.violation')}>
              {detail.violation ? detail.violation.title : t('outsideCatalogue')}
              {detail.violation?.unverified ? (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  {t('unverified')}
                </Tag>
              ) : null}
            </Descriptions.Item>
            {detail.description ? <Descriptions.Item label={t('detail.description')}>{detail.description}</Descriptions.Item> : null}
            {detail.department ? <Descriptions.Item label={t('fields.department')}>{detail.department}</Descriptions.Item> : null}
            {detail.resolution ? <Descriptions.Item label={t('detail.resolution')}>{detail.resolution}</Descriptions.Item> : null}
            {detail.verifiedBy ? <Descriptions.Item label={t('detail.verifiedBy')}>{detail.verifiedBy.displayName}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Text type="secondary">{t('detail.reportedBy', { name: detail.reportedBy.displayName, date: detail.reportedOn })}</Typography.Text>
          {detail.letter ? (
            <Alert
              type={detail.status === 'open' && detail.step === 'letter' ? 'info' : 'success'}
              showIcon
              title={detail.status === 'open' && detail.step === 'letter' ? t('detail.letterDraft') : t('detail.letter')}
              action={
                <Button size="small" loading={downloadLetter.isPending} onClick={() => downloadLetter.mutate(detail.letter!.fileName)} data-testid="case-letter">
                  {t('detail.letterDownload')}
                </Button>
              }
            />
          ) : null}
          {downloadLetter.error ? <ErrorAlert error={downloadLetter.error} compact /> : null}
          {detail.status === 'open' ? (
            detail.can.actions.length > 0 ? (
              <Flex gap={8} wrap data-testid="case-actions">
                {detail.can.actions.map((type) => (
                  <Button key={type} danger={type === 'withdraw'} type={type === 'resolve' || type === 'verify' ? 'primary' : 'default'} onClick={() => setAction(type)} data-testid={`case-action-${type}`}>
                    {t(`actions.${type}`)}
                  </Button>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">
                {t('detail.noActions')}
                {isClient ? <div>{t('detail.readOnly')}</div> : null}
              </Typography.Text>
            )
          ) : null}
          <Typography.Title level={5} style={{ marginBottom: 0 }}>
            {t('detail.history')}
          </Typography.Title>
          <Timeline
            items={[...detail.events].reverse().map((event) => ({
              color: event.kind === 'supervised' ? (event.voided ? 'gray' : event.details.level === 'red' ? 'red' : 'gold') : event.kind === 'verified' ? 'green' : 'blue',
              children: (
                <div data-testid="case-event">
                  <div>
                    <strong>{event.kind === 'supervised' && (event.details.level === 'yellow' || event.details.level === 'red') ? text(supervisionLabels[event.details.level]) : text(caseEventLabels[event.kind as CaseEventKind])}</strong>
                    {event.department && event.kind !== 'supervised' ? ` · ${event.department}` : ''}
                    {event.voided ? <Tag style={{ marginInlineStart: 6 }}>{t('detail.voided')}</Tag> : null}
                  </div>
                  <div className="gz-muted gz-num">
                    {event.on} · {event.actor?.displayName ?? t('detail.byTime')}
                  </div>
                  {eventDetails(t, event.details).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  {event.kind === 'referred' && typeof event.details.packetId === 'string' ? (
                    <Button
                      size="small"
                      type="link"
                      style={{ paddingInline: 0 }}
                      loading={download.isPending && download.variables?.documentId === event.details.packetId}
                      onClick={() => download.mutate({ documentId: event.details.packetId as string, fileName: String(event.details.packetName ?? 'referral.docx') })}
                      data-testid="case-referral-letter"
                    >
                      {t('detail.referralLetter')}
                    </Button>
                  ) : null}
                </div>
              ),
            }))}
          />
          {download.error ? <ErrorAlert error={download.error} compact /> : null}
          {action ? <ActionModal engagementId={engagementId} detail={detail} action={action} onClose={() => setAction(null)} /> : null}
        </div>
      ) : null}
    </Drawer>
  );
}
