import { Alert, Card, Progress, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../../components/status-tags';
import { useLocalized } from '../../../lib/i18n';
import type { EngagementDetail } from '../api/get-engagement';

/** The engagement's vital signs: % done, overdue, what is in review, the next deadline. */
export function EngagementSummaryCards({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const counts = engagement.taskCounts;
  return (
    <>
      {engagement.status === 'paused' || engagement.status === 'cancelled' ? (
        <Alert
          type={engagement.status === 'paused' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`engagement.statusBanner.${engagement.status}`)}
          description={engagement.statusReason ? t('engagement.statusReason', { reason: engagement.statusReason }) : undefined}
        />
      ) : null}
      <div className="gz-kpis">
        <Card size="small">
          <div className="gz-kpi-title">{t('engagement.kpi.progress')}</div>
          <Progress percent={engagement.progress.percent} status={engagement.progress.percent === 100 ? 'success' : 'normal'} />
          <div className="gz-small gz-muted gz-num">{t('portfolio.tasksDone', { done: engagement.progress.done, total: engagement.progress.total })}</div>
        </Card>
        <Card size="small">
          <Statistic
            title={t('engagement.kpi.overdue')}
            value={engagement.overdueTaskCount}
            styles={{ content: { color: engagement.overdueTaskCount > 0 ? 'var(--gz-danger)' : undefined } }}
          />
        </Card>
        <Card size="small">
          <Statistic title={t('engagement.kpi.inReview')} value={counts.in_review} suffix={counts.changes_requested > 0 ? t('engagement.kpi.changesRequested', { count: counts.changes_requested }) : undefined} />
        </Card>
        <Card size="small">
          <div className="gz-kpi-title">{t('engagement.kpi.nextDeadline')}</div>
          {engagement.nextDeadline ? (
            <>
              <div style={{ fontSize: 16, marginTop: 4 }}>
                <DueDate date={engagement.nextDeadline.date} />
              </div>
              <div className="gz-small gz-muted gz-ellipsis" title={text(engagement.nextDeadline.title)}>
                {text(engagement.nextDeadline.title)}
              </div>
            </>
          ) : (
            <div className="gz-muted" style={{ marginTop: 8 }}>
              {t('engagement.kpi.noDeadline')}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
