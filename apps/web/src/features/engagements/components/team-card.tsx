import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EngagementDetail } from '../api/get-engagement';

export function TeamCard({ engagement }: { engagement: EngagementDetail }) {
  const { t } = useTranslation();
  const { team } = engagement;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      bordered
      items={[
        { key: 'pm', label: t('roles.pm'), children: team.pm.displayName },
        { key: 'partner', label: t('roles.partner'), children: team.partner.displayName },
        {
          key: 'lawyers',
          label: t('roles.lawyer'),
          children: team.lawyers.map((lawyer) => (
            <Tag key={lawyer.id} variant="filled">
              {lawyer.displayName}
            </Tag>
          )),
        },
        { key: 'client', label: t('roles.client'), children: team.client?.displayName ?? <span className="gz-muted">{t('engagement.noClientContact')}</span> },
        { key: 'clientName', label: t('engagement.clientName'), children: `${engagement.clientName} · ${t(`clientKind.${engagement.clientKind}`)}` },
        { key: 'dates', label: t('engagement.schedule'), children: <span className="gz-num">{engagement.startDate} → {engagement.plannedEndDate}</span> },
        {
          key: 'communities',
          label: t('engagement.communities'),
          span: 'filled',
          children: engagement.communities.map((community) => (
            <Tag key={community.key} variant="outlined">
              {community.name}
            </Tag>
          )),
        },
        {
          key: 'departments',
          label: t('engagement.departments'),
          span: 'filled',
          children:
            engagement.departments.length === 0 ? (
              <span className="gz-muted">{t('engagement.noDepartments')}</span>
            ) : (
              engagement.departments.map((department) => (
                <Tag key={department.key} variant="outlined">
                  {department.name}
                </Tag>
              ))
            ),
        },
      ]}
    />
  );
}
