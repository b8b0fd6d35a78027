import { Card, Descriptions, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EngagementDetail } from '../api/get-engagement';
import { StagePipeline } from './stage-steps';

/** What the client's contact sees: how far the service has come, stage by stage; nothing to edit. */
export function ClientProgress({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('client.overallProgress')}>
        <Progress percent={engagement.progress.percent} status={engagement.progress.percent === 100 ? 'success' : 'active'} />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 3 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'team', label: t('client.yourLawyers'), children: [engagement.team.pm.displayName, ...engagement.team.lawyers.map((lawyer) => lawyer.displayName)].join(t('common.listSeparator')) },
            { key: 'schedule', label: t('engagement.schedule'), children: <span className="gz-num">{engagement.startDate} → {engagement.plannedEndDate}</span> },
            { key: 'communities', label: t('engagement.communities'), children: engagement.communities.map((community) => community.name).join(t('common.listSeparator')) },
          ]}
        />
      </Card>
      <Card size="small" title={t('engagement.pipeline')}>
        <StagePipeline stages={engagement.stages} />
      </Card>
    </>
  );
}
