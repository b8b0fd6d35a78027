import { ADOPTION_LIMITS, adoptionInstrumentLabels, ownersMatterLabels } from '@gongzhi/domain';
import { Alert, App, Button, Descriptions, Drawer, Flex, Grid, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { ReasonModal } from '../../../components/reason-modal';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import {
  type Adoption,
  type AdoptionMeeting,
  useAdoption,
  useDownloadAdoptionRecord,
  useWithdrawAdoption,
} from '../api/adoptions';
import { isInProgress, latestMeeting, VERDICT_ALERTS } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';
import { AdoptionCommentsSection } from './adoption-comments';
import { AdoptionTags, FiguresList, VerdictTag } from './adoption-parts';
import { FilingForm } from './filing-form';
import { MeetingForm } from './meeting-form';
import { RenoticeForm } from './renotice-form';

type Step = 'meeting' | 'renotice' | 'filing' | 'withdraw';

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="gz-adoption-section" data-testid={testId}>
      <h4 className="gz-adoption-heading">{title}</h4>
      {children}
    </section>
  );
}

/**
 * Where the vote left the procedure, first thing on its page: the verdict of the vote that passed
 * or of the last one, why (the API's explanation, with the figures and the provision), and what
 * comes next.
 */
function VerdictBanner({ adoption }: { adoption: Adoption }) {
  const { t } = useAdoptionsTranslation();
  const { text } = useLocalized();
  const meeting = latestMeeting(adoption.meetings);
  if (!meeting || adoption.status === 'withdrawn') return null;
  const title = {
    passed: t('detail.latestPassed'),
    no_quorum: t('detail.latestNoQuorum'),
    vote_lost: t('detail.latestLost'),
  }[meeting.verdict];
  const next =
    adoption.status === 'meeting_failed'
      ? t('detail.nextAfterFailure')
      : adoption.status === 'awaiting_filing'
        ? t('detail.nextFiling')
        : adoption.status === 'adopted' && adoption.instrument === 'owners_rules'
          ? t('detail.ownersBinding')
          : null;
  return (
    <Alert
      type={VERDICT_ALERTS[meeting.verdict]}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="adoption-verdict"
      data-verdict={meeting.verdict}
      title={
        <span>
          {title}
          <span className="gz-muted gz-small gz-num" style={{ marginInlineStart: 8 }}>
            {t('detail.meetingTitle', { position: meeting.position, date: meeting.heldOn })}
          </span>
        </span>
      }
      description={
        <>
          <p className="gz-adoption-text" data-testid="adoption-verdict-explanation">
            {text(meeting.explanation)}
          </p>
          {next ? <p className="gz-adoption-text gz-adoption-next">{next}</p> : null}
        </>
      }
    />
  );
}

function MeetingItem({ meeting }: { meeting: AdoptionMeeting }) {
  const { t } = useAdoptionsTranslation();
  const { text, locale } = useLocalized();
  return (
    <div
      className="gz-adoption-meeting"
      data-testid="adoption-meeting"
      data-verdict={meeting.verdict}
      data-position={meeting.position}
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <strong className="gz-num">
          {t('detail.meetingTitle', { position: meeting.position, date: meeting.heldOn })}
        </strong>
        <VerdictTag verdict={meeting.verdict} />
      </Flex>
      <FiguresList figures={meeting.figures} />
      <p className="gz-adoption-text" data-testid="adoption-meeting-explanation">
        {text(meeting.explanation)}
      </p>
      {meeting.note ? <p className="gz-adoption-text gz-muted">{t('detail.note', { note: meeting.note })}</p> : null}
      <div className="gz-muted gz-small" style={{ marginTop: 6 }}>
        {t('detail.recordedBy', {
          name: meeting.recordedBy.displayName,
          at: formatInstant(meeting.recordedAt, locale),
        })}
      </div>
    </div>
  );
}

/**
 * One procedure: where it stands (the verdict of its vote, why, and what next), the current
 * notice, each vote with its figures and the law's reading of them, the filing or the withdrawal;
 * and what the PM may do at this step (`can`): record a vote, re-notice a revised draft, record the
 * filing, withdraw. A 409 shows the API's message and the procedure as it now is.
 */
export function AdoptionDrawer({
  engagementId,
  adoptionId,
  placeholder,
  filedWith,
  onClose,
}: {
  engagementId: string;
  adoptionId: string;
  /** The list's copy, shown while the fresh one loads. */
  placeholder?: Adoption;
  /** Proposed in the filing form: the client's street office or township. */
  filedWith?: string;
  onClose: () => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { text, locale } = useLocalized();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const query = useAdoption(engagementId, adoptionId, placeholder);
  const withdraw = useWithdrawAdoption(engagementId, adoptionId);
  const record = useDownloadAdoptionRecord(engagementId, adoptionId);
  const [step, setStep] = useState<Step | null>(null);
  // One key per opening of the withdrawal dialog: a retried click withdraws once.
  const [withdrawKey, setWithdrawKey] = useState(newIdempotencyKey);
  const adoption = query.data;
  const at = (instant: string) => formatInstant(instant, locale);

  const body = (): ReactNode => {
    if (!adoption)
      return query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <BlockSkeleton rows={8} />
      );
    const { can, notice } = adoption;
    const hasActions = can.recordMeeting || can.renotice || can.file || can.withdraw;
    return (
      <div data-testid="adoption-detail" data-adoption-id={adoption.id} data-status={adoption.status}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <AdoptionTags adoption={adoption} />
          {/* Anyone who sees the procedure takes its record; the worker drafts it as of now. */}
          <Button
            size="small"
            icon={<Icon name="download" />}
            loading={record.isPending}
            onClick={() => record.mutate()}
            data-testid="adoption-record-download"
          >
            {t('record.download')}
          </Button>
        </Flex>
        {record.error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={record.error} compact />
          </div>
        ) : null}
        <VerdictBanner adoption={adoption} />
        {adoption.withdrawn ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="adoption-withdrawn"
            title={
              adoption.withdrawn.by
                ? t('detail.withdrawnBy', { name: adoption.withdrawn.by.displayName, at: at(adoption.withdrawn.at) })
                : t('detail.withdrawnAt', { at: at(adoption.withdrawn.at) })
            }
            description={
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {t('detail.withdrawnReason', { reason: adoption.withdrawn.reason })}
              </span>
            }
          />
        ) : null}
        {hasActions ? (
          <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="adoption-actions">
            {can.recordMeeting ? (
              <Button type="primary" onClick={() => setStep('meeting')} data-testid="adoption-record-meeting">
                {t('detail.recordMeeting')}
              </Button>
            ) : null}
            {can.file ? (
              <Button type="primary" onClick={() => setStep('filing')} data-testid="adoption-file">
                {t('detail.file')}
              </Button>
            ) : null}
            {can.renotice ? (
              <Button onClick={() => setStep('renotice')} data-testid="adoption-renotice">
                {t('detail.renotice')}
              </Button>
            ) : null}
            {can.withdraw ? (
              <Button
                danger
                onClick={() => {
                  setWithdrawKey(newIdempotencyKey());
                  setStep('withdraw');
                }}
                data-testid="adoption-withdraw"
              >
                {t('detail.withdraw')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
        <Descriptions
          size="small"
          column={screens.md ? 2 : 1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'community', label: t('detail.community'), children: adoption.community.name },
            {
              key: 'instrument',
              label: t('detail.instrument'),
              children: text(adoptionInstrumentLabels[adoption.instrument]),
            },
            ...(adoption.matter
              ? [
                  {
                    key: 'matter',
                    label: t('detail.matter'),
                    children: text(ownersMatterLabels[adoption.matter]),
                    span: 'filled' as const,
                  },
                ]
              : []),
            { key: 'openedBy', label: t('detail.openedBy'), children: adoption.openedBy.displayName },
            {
              key: 'openedAt',
              label: t('detail.openedAt'),
              children: <span className="gz-num">{at(adoption.openedAt)}</span>,
            },
          ]}
        />
        {adoption.drivesTasks && isInProgress(adoption.status) ? (
          <div className="gz-muted gz-small" style={{ marginTop: -8, marginBottom: 16 }}>
            {t('detail.drivesTasks')}
          </div>
        ) : null}
        <Section title={t('detail.notice')} testId="adoption-notice-section">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'period',
                label: t('detail.noticePeriod'),
                children: (
                  <span className="gz-num" data-testid="adoption-notice-period">
                    {t('detail.period', { from: notice.from, to: notice.to })}
                  </span>
                ),
              },
              { key: 'location', label: t('detail.noticeLocation'), children: notice.location },
              {
                key: 'round',
                label: t('detail.noticeRound'),
                children: (
                  <Flex gap={6} align="center" wrap>
                    <span>{t('detail.roundValue', { round: notice.round })}</span>
                    {notice.round > 1 ? <Tag color="purple">{t('detail.revised')}</Tag> : null}
                  </Flex>
                ),
              },
            ]}
          />
          {adoption.status === 'notice' ? (
            <div className="gz-adoption-note" data-testid="adoption-notice-running">
              {t('detail.noticeRunning', { date: notice.to })}
            </div>
          ) : adoption.status === 'awaiting_meeting' ? (
            <div className="gz-adoption-note">{t('detail.noticeEnded', { date: notice.to })}</div>
          ) : null}
        </Section>
        <AdoptionCommentsSection engagementId={engagementId} adoptionId={adoption.id} currentRound={notice.round} />
        <Section title={t('detail.meetings', { count: adoption.meetings.length })} testId="adoption-meetings-section">
          {adoption.meetings.length === 0 ? <span className="gz-muted">{t('detail.noMeetings')}</span> : null}
          {adoption.meetings.map((meeting) => (
            <MeetingItem key={meeting.id} meeting={meeting} />
          ))}
        </Section>
        {adoption.filing ? (
          <Section title={t('detail.filing')} testId="adoption-filing-section">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'filedOn',
                  label: t('detail.filedOn'),
                  children: <span className="gz-num">{adoption.filing.filedOn}</span>,
                },
                { key: 'filedWith', label: t('detail.filedWith'), children: adoption.filing.filedWith },
                {
                  key: 'filingNo',
                  label: t('detail.filingNo'),
                  children: adoption.filing.filingNo ?? <span className="gz-muted">{t('detail.noFilingNo')}</span>,
                },
                ...(adoption.filing.by
                  ? [{ key: 'by', label: t('detail.filedBy'), children: adoption.filing.by.displayName }]
                  : []),
              ]}
            />
          </Section>
        ) : null}
        {step === 'meeting' ? (
          <MeetingForm engagementId={engagementId} adoption={adoption} onClose={() => setStep(null)} />
        ) : null}
        {step === 'renotice' ? (
          <RenoticeForm engagementId={engagementId} adoption={adoption} onClose={() => setStep(null)} />
        ) : null}
        {step === 'filing' ? (
          <FilingForm
            engagementId={engagementId}
            adoption={adoption}
            {...(filedWith ? { filedWith } : {})}
            onClose={() => setStep(null)}
          />
        ) : null}
        {step === 'withdraw' ? (
          <ReasonModal
            name="adoption-withdrawal"
            labels={{
              title: t('detail.withdrawTitle'),
              reason: t('detail.reason'),
              submit: t('detail.submit'),
              cancel: t('detail.cancel'),
              required: t('detail.required'),
            }}
            maxLength={ADOPTION_LIMITS.reason}
            onSubmit={async (reason) => {
              await withdraw.mutateAsync({ reason, idempotencyKey: withdrawKey });
              void message.success(t('detail.withdrawn'));
            }}
            pending={withdraw.isPending}
            error={withdraw.error}
            onClose={() => {
              withdraw.reset();
              setStep(null);
            }}
          >
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
              {adoption.community.name} · {adoption.title}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" className="gz-small">
              {t('detail.withdrawHint')}
            </Typography.Paragraph>
          </ReasonModal>
        ) : null}
      </div>
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={adoption?.title ?? placeholder?.title ?? ''}
      destroyOnHidden
    >
      {body()}
    </Drawer>
  );
}
