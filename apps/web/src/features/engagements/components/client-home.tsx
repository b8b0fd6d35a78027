import { Card, Col, Progress, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { EngagementStatusTag } from '../../../components/status-tags';
import { useLocalized } from '../../../lib/i18n';
import { useEngagements } from '../api/get-engagements';
import { StageStepsMini } from './stage-steps';

/** The client contact's home: each of their engagements with how far it has come. */
export function ClientHome() {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const engagements = useEngagements({ sort: '-updatedAt', page: 1, pageSize: 50 });
  if (engagements.isPending) return <BlockSkeleton rows={6} />;
  if (engagements.isError) return <ErrorAlert error={engagements.error} onRetry={() => void engagements.refetch()} />;
  if (engagements.data.items.length === 0) return <EmptyState title={t('client.noEngagementsTitle')} description={t('client.noEngagementsHint')} />;
  // Most client contacts have one engagement: take them straight to it.
  const [only] = engagements.data.items;
  if (only && engagements.data.total === 1) return <Navigate to={`/engagements/${only.id}`} replace />;
  return (
    <Row gutter={[16, 16]}>
      {engagements.data.items.map((engagement) => {
        const active = engagement.stages.filter((stage) => stage.status === 'active');
        return (
          <Col key={engagement.id} xs={24} md={12} xl={8}>
            <Link to={`/engagements/${engagement.id}`} className="gz-card-link">
              <Card size="small" hoverable title={engagement.name} extra={<EngagementStatusTag status={engagement.status} />}>
                <Progress percent={engagement.progress.percent} />
                <div style={{ margin: '8px 0' }}>
                  <StageStepsMini stages={engagement.stages} />
                </div>
                <div className="gz-small gz-muted">
                  {active.length > 0 ? t('client.currentStage', { stages: active.map((stage) => text(stage.title)).join(t('common.listSeparator')) }) : t(`portfolio.noActiveStage.${engagement.status}`)}
                </div>
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
