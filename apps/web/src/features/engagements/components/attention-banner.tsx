import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { EngagementDetail } from '../api/get-engagement';
import { useRetryEngagement } from '../api/retry-engagement';

/** What the workflow was saving, in words a PM reads (the activity names are the code's). */
const KNOWN_ACTIVITIES = [
  'materializeEngagement',
  'recordStageStatus',
  'recordTaskActivated',
  'recordTaskCompletion',
  'recordReview',
  'recordReassignment',
  'recordTasksCancelled',
  'recordEngagementStatus',
  'recordEngagementDetails',
] as const;
const isKnownActivity = (activity: string): activity is (typeof KNOWN_ACTIVITIES)[number] => (KNOWN_ACTIVITIES as readonly string[]).includes(activity);

/**
 * An engagement that needs attention: a write its workflow could not make after every retry. Work
 * waits; the PM learns why, an admin (once the cause is fixed) retries from here.
 */
export function AttentionBanner({ engagement }: { engagement: Pick<EngagementDetail, 'id' | 'attention' | 'can'> }) {
  const { t } = useTranslation();
  const { locale } = useLocalized();
  const { message } = App.useApp();
  const retry = useRetryEngagement(engagement.id);
  const { attention } = engagement;
  if (!attention) return null;
  const what = isKnownActivity(attention.activity) ? t(`attention.activity.${attention.activity}`) : attention.activity;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="attention-banner"
      title={t('attention.title', { what, since: formatInstant(attention.since, locale) })}
      description={
        <>
          <div>{engagement.can.retry ? t('attention.hintAdmin') : t('attention.hint')}</div>
          <details className="gz-small gz-muted" style={{ marginTop: 4 }}>
            <summary>{t('attention.reason')}</summary>
            <code className="gz-break">{attention.reason}</code>
          </details>
          {retry.error ? (
            <div style={{ marginTop: 8 }}>
              <ErrorAlert error={retry.error} compact />
            </div>
          ) : null}
        </>
      }
      action={
        engagement.can.retry ? (
          <Button
            danger
            loading={retry.isPending}
            data-testid="retry-engagement"
            onClick={() =>
              retry.mutate(undefined, {
                onSuccess: (summary) => void (summary.attention ? message.warning(t('attention.stillFailing')) : message.success(t('attention.resolved'))),
              })
            }
          >
            {t('attention.retry')}
          </Button>
        ) : null
      }
    />
  );
}
