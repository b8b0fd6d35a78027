import { CONSULTATION_LIMITS } from '@gongzhi/domain';
import { App, Alert, Button, Descriptions, Drawer, Flex, Grid, Input, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { ReasonModal } from '../../../components/reason-modal';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import {
  type Consultation,
  useConcludeConsultation,
  useConsultation,
  useGiveOpinion,
  useWithdrawConsultation,
} from '../api/consultations';
import { opinionsInOrder } from '../utils/consultations';
import { useConsultationsTranslation } from '../utils/use-consultations-translation';
import { ConsultationTags, taskLabelOf, type TaskRef } from './consultation-parts';

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="gz-consultation-section" data-testid={testId}>
      <h4 className="gz-consultation-heading">{title}</h4>
      {children}
    </section>
  );
}

/** A text box and its button: an opinion, or the conclusion. */
function WriteBox({
  label,
  placeholder,
  hint,
  maxLength,
  submitLabel,
  pending,
  inputTestId,
  submitTestId,
  onSubmit,
}: {
  label: string;
  placeholder: string;
  hint?: string;
  maxLength: number;
  submitLabel: string;
  pending: boolean;
  inputTestId: string;
  submitTestId: string;
  /** Resolves once sent (the box then empties); rejects to keep the draft. */
  onSubmit: (text: string) => Promise<unknown>;
}) {
  const { t } = useConsultationsTranslation();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `${inputTestId}-field`;
  const submit = async () => {
    const text = value.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    try {
      await onSubmit(text);
      setValue('');
    } catch {
      // Shown above, by the drawer.
    }
  };
  return (
    <div className="gz-consultation-section gz-consultation-write">
      <label className="gz-consultation-heading" htmlFor={id}>
        {label}
      </label>
      <Input.TextArea
        id={id}
        value={value}
        status={missing ? 'error' : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setMissing(false);
        }}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={maxLength}
        placeholder={placeholder}
        data-testid={inputTestId}
      />
      {missing ? <div className="gz-field-error">{t('detail.required')}</div> : null}
      {hint ? (
        <div className="gz-muted gz-small" style={{ marginTop: 6 }}>
          {hint}
        </div>
      ) : null}
      <Flex justify="end" style={{ marginTop: 8 }}>
        <Button type="primary" loading={pending} onClick={() => void submit()} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </Flex>
    </div>
  );
}

/**
 * One consultation: the question and its materials, whom it asked and who answered, the opinions
 * oldest first, the conclusion or the withdrawal; and what the caller may do (`can`): give an
 * opinion, conclude (the partner or the PM), withdraw. A 409 `consultation_closed` shows the
 * API's message and the consultation as it now is.
 */
export function ConsultationDrawer({
  engagementId,
  consultationId,
  placeholder,
  tasks = [],
  onClose,
}: {
  engagementId: string;
  consultationId: string;
  /** The list's copy, shown while the fresh one loads. */
  placeholder?: Consultation;
  /** The engagement's tasks, to name and link the one it came from. */
  tasks?: readonly TaskRef[];
  onClose: () => void;
}) {
  const { t } = useConsultationsTranslation();
  const { text, locale } = useLocalized();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const query = useConsultation(engagementId, consultationId, placeholder);
  const opine = useGiveOpinion(engagementId, consultationId);
  const conclude = useConcludeConsultation(engagementId, consultationId);
  const withdraw = useWithdrawConsultation(engagementId, consultationId);
  // One key per opinion drafted: a retried click adds it once; a new draft gets a new key.
  const [opinionKey, setOpinionKey] = useState(newIdempotencyKey);
  const [withdrawing, setWithdrawing] = useState(false);
  const consultation = query.data;
  const actionError = [opine, conclude].find((mutation) => mutation.isError)?.error;
  const at = (instant: string) => formatInstant(instant, locale);

  const body = (): ReactNode => {
    if (!consultation)
      return query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <BlockSkeleton rows={8} />
      );
    const taskLabel = taskLabelOf(consultation, tasks, text);
    const opinions = opinionsInOrder(consultation.opinions);
    return (
      <div data-testid="consultation-detail" data-consultation-id={consultation.id} data-status={consultation.status}>
        <div style={{ marginBottom: 12 }}>
          <ConsultationTags consultation={consultation} />
        </div>
        <Descriptions
          size="small"
          column={screens.md ? 2 : 1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'requestedBy', label: t('detail.requestedBy'), children: consultation.requestedBy.displayName },
            {
              key: 'openedAt',
              label: t('detail.openedAt'),
              children: <span className="gz-num">{at(consultation.openedAt)}</span>,
            },
            {
              key: 'dueOn',
              label: t('detail.dueOn'),
              children: (
                <span
                  className={
                    consultation.status === 'open' && consultation.overdue ? 'gz-num gz-due-overdue' : 'gz-num'
                  }
                >
                  {consultation.dueOn}
                </span>
              ),
            },
            ...(taskLabel
              ? [
                  {
                    key: 'task',
                    label: t('detail.task'),
                    children: consultation.task ? <Link to={`/tasks/${consultation.task.id}`}>{taskLabel}</Link> : taskLabel,
                  },
                ]
              : []),
          ]}
        />
        {consultation.status === 'concluded' && consultation.conclusion ? (
          <Section title={t('detail.conclusion')} testId="consultation-conclusion">
            <div className="gz-consultation-conclusion">
              <p className="gz-consultation-text">{consultation.conclusion.text}</p>
              <div className="gz-muted gz-small" style={{ marginTop: 8 }}>
                {t('detail.concludedBy', {
                  name: consultation.conclusion.by.displayName,
                  at: at(consultation.conclusion.at),
                })}
              </div>
            </div>
          </Section>
        ) : null}
        {consultation.status === 'withdrawn' && consultation.withdrawn ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="consultation-withdrawn"
            title={
              consultation.withdrawn.by
                ? t('detail.withdrawnBy', {
                    name: consultation.withdrawn.by.displayName,
                    at: at(consultation.withdrawn.at),
                  })
                : t('detail.withdrawnAt', { at: at(consultation.withdrawn.at) })
            }
            description={
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {t('detail.withdrawnReason', { reason: consultation.withdrawn.reason })}
              </span>
            }
          />
        ) : null}
        <Section title={t('detail.question')}>
          <p className="gz-consultation-text" data-testid="consultation-question">
            {consultation.question}
          </p>
        </Section>
        <Section title={t('detail.materials')}>
          {consultation.materials.trim() ? (
            <p className="gz-consultation-text">{consultation.materials}</p>
          ) : (
            <span className="gz-muted">{t('detail.noMaterials')}</span>
          )}
        </Section>
        <Section title={t('detail.invitees')}>
          <Flex gap={6} wrap>
            {consultation.invitees.map((invitee) => (
              <Tag
                key={invitee.user.id}
                color={invitee.answered ? 'green' : undefined}
                data-testid="consultation-invitee"
                data-answered={invitee.answered ? 'true' : 'false'}
              >
                {invitee.answered ? (
                  <Icon name="check" size={12} style={{ marginInlineEnd: 4, verticalAlign: -1 }} />
                ) : null}
                {invitee.user.displayName}
                <span className="gz-consultation-answer">
                  {invitee.answered ? t('detail.answeredMark') : t('detail.notAnswered')}
                </span>
              </Tag>
            ))}
          </Flex>
        </Section>
        <Section title={t('detail.opinions', { count: opinions.length })} testId="consultation-opinions">
          {opinions.length === 0 ? <span className="gz-muted">{t('detail.noOpinions')}</span> : null}
          {opinions.map((opinion) => (
            <div key={opinion.id} className="gz-consultation-opinion" data-testid="consultation-opinion">
              <Flex justify="space-between" gap={8} wrap className="gz-small">
                <strong>{opinion.author.displayName}</strong>
                <span className="gz-muted gz-num">{at(opinion.givenAt)}</span>
              </Flex>
              <p className="gz-consultation-text" style={{ marginTop: 6 }}>
                {opinion.body}
              </p>
            </div>
          ))}
        </Section>
        {actionError ? (
          <div style={{ marginBottom: 12 }} data-testid="consultation-action-error">
            <ErrorAlert error={actionError} compact />
          </div>
        ) : null}
        {consultation.can.opine ? (
          <WriteBox
            label={t('detail.opinionLabel')}
            placeholder={t('detail.opinionPlaceholder')}
            maxLength={CONSULTATION_LIMITS.opinion}
            submitLabel={t('detail.submitOpinion')}
            pending={opine.isPending}
            inputTestId="consultation-opinion-input"
            submitTestId="consultation-opinion-submit"
            onSubmit={async (opinion) => {
              conclude.reset();
              await opine.mutateAsync({ body: opinion, idempotencyKey: opinionKey });
              setOpinionKey(newIdempotencyKey());
              void message.success(t('detail.opinionGiven'));
            }}
          />
        ) : null}
        {consultation.can.conclude ? (
          <WriteBox
            label={t('detail.conclusionLabel')}
            placeholder={t('detail.conclusionPlaceholder')}
            hint={t('detail.conclusionHint')}
            maxLength={CONSULTATION_LIMITS.conclusion}
            submitLabel={t('detail.submitConclusion')}
            pending={conclude.isPending}
            inputTestId="consultation-conclusion-input"
            submitTestId="consultation-conclude-submit"
            onSubmit={async (conclusion) => {
              opine.reset();
              await conclude.mutateAsync(conclusion);
              void message.success(t('detail.concluded'));
            }}
          />
        ) : null}
        {consultation.can.withdraw ? (
          <Flex justify="end">
            <Button danger onClick={() => setWithdrawing(true)} data-testid="consultation-withdraw-button">
              {t('detail.withdraw')}
            </Button>
          </Flex>
        ) : null}
        {withdrawing ? (
          <ReasonModal
            name="consultation-withdrawal"
            labels={{
              title: t('detail.withdrawTitle'),
              reason: t('detail.reason'),
              submit: t('detail.submit'),
              cancel: t('detail.cancel'),
              required: t('detail.required'),
            }}
            maxLength={CONSULTATION_LIMITS.reason}
            onSubmit={async (reason) => {
              await withdraw.mutateAsync(reason);
              void message.success(t('detail.withdrawn'));
            }}
            pending={withdraw.isPending}
            error={withdraw.error}
            onClose={() => {
              withdraw.reset();
              setWithdrawing(false);
            }}
          >
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
              {consultation.topic}
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
      title={consultation?.topic ?? placeholder?.topic ?? ''}
      destroyOnHidden
    >
      {body()}
    </Drawer>
  );
}
