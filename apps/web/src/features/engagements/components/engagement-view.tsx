import { Badge, Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { EngagementStatusTag } from '../../../components/status-tags';
import { useLocalized } from '../../../lib/i18n';
import type { EngagementDetail } from '../api/get-engagement';
import { AttentionBanner } from './attention-banner';
import { AuditHistory } from './audit-history';
import { ClientProgress } from './client-progress';
import { CommunityStageMatrix } from './community-stage-matrix';
import { EngagementSummaryCards } from './engagement-summary';
import { LifecycleActions } from './lifecycle-actions';
import { StagePipeline } from './stage-steps';
import { TeamCard } from './team-card';

export type EngagementTab = 'overview' | 'tasks' | 'deliverables' | 'knowledge' | 'research' | 'cases' | 'hotline' | 'worklog' | 'consultations' | 'adoptions' | 'outcomes' | 'team' | 'audit';
const TABS: readonly EngagementTab[] = ['overview', 'tasks', 'deliverables', 'knowledge', 'research', 'cases', 'hotline', 'worklog', 'consultations', 'adoptions', 'outcomes', 'team', 'audit'];

/** The engagement's copy of the knowledge base, from the knowledge feature: the tab and its badge. */
export interface KnowledgeSlot {
  content: ReactNode;
  /** Entries whose master has a newer version: a number on the tab. */
  behind: number;
}

/** A tab another feature owns whole, its label in that feature's own words (its own translation namespace). */
export interface TabSlot {
  label: ReactNode;
  content: ReactNode;
}

function KnowledgeTabLabel({ behind }: { behind: number }) {
  const { t } = useTranslation();
  return (
    <span data-testid="knowledge-tab">
      {t('engagement.tabs.knowledge')}
      {behind > 0 ? <Badge count={behind} size="small" color="var(--gz-warn)" style={{ marginInlineStart: 6 }} /> : null}
    </span>
  );
}

/**
 * The PM's engagement page. Work that other features own (the task timeline and table, the
 * deliverables, the knowledge base's copy, field research's questionnaires) arrives through
 * slots, so this feature never imports them.
 */
export function EngagementView({
  engagement,
  crumbs,
  timeline,
  tasks,
  deliverables,
  knowledge,
  research,
  cases,
  hotline,
  workLog,
  consultations,
  adoptions,
  outcomes,
  taskName,
}: {
  engagement: EngagementDetail;
  crumbs: Crumb[];
  timeline: ReactNode;
  tasks: ReactNode;
  deliverables: ReactNode;
  knowledge?: KnowledgeSlot;
  /** The engagement's questionnaires (调研问卷), from the research feature. */
  research?: ReactNode;
  /** The community problem cases (问题案件), from the cases feature. */
  cases?: ReactNode;
  /** The street's 12345 figures, from the cases feature. */
  hotline?: ReactNode;
  /** The 工作日志, from the work-log feature. */
  workLog?: ReactNode;
  /** 会诊, the firm team's consultations, from the consultations feature (never the client's). */
  consultations?: TabSlot;
  /** 民主程序, from the adoptions feature: each community's notice, vote and filing. */
  adoptions?: TabSlot;
  /** 项目成效, from the outcomes feature: what the engagement achieved, from its records. */
  outcomes?: TabSlot;
  /** A task id as its title, for the audit trail (the tasks feature knows them). */
  taskName?: (taskId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as EngagementTab | null;
  const tab: EngagementTab =
    requested &&
    TABS.includes(requested) &&
    (requested !== 'audit' || engagement.can.readAudit) &&
    (requested !== 'knowledge' || knowledge) &&
    (requested !== 'research' || research) &&
    (requested !== 'cases' || cases) &&
    (requested !== 'hotline' || hotline) &&
    (requested !== 'worklog' || workLog) &&
    (requested !== 'consultations' || consultations) &&
    (requested !== 'adoptions' || adoptions) &&
    (requested !== 'outcomes' || outcomes)
      ? requested
      : 'overview';
  const people = new Map([engagement.team.pm, engagement.team.partner, ...engagement.team.lawyers, ...(engagement.team.client ? [engagement.team.client] : [])].map((person) => [person.id, person.displayName]));
  const entityName = (entity: { type: string; id: string }) => {
    if (entity.type === 'task') return taskName?.(entity.id);
    if (entity.type === 'deliverable') {
      const deliverable = engagement.deliverables.find((item) => item.id === entity.id);
      return deliverable ? `${text(deliverable.title)}${deliverable.community ? ` · ${deliverable.community.name}` : ''}` : undefined;
    }
    return undefined;
  };
  const openTasks = engagement.taskCounts.active + engagement.taskCounts.changes_requested + engagement.taskCounts.in_review;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={engagement.name}
        tags={<EngagementStatusTag status={engagement.status} />}
        subtitle={
          <>
            {engagement.clientName} · {t(`clientKind.${engagement.clientKind}`)} · <span className="gz-num">{engagement.startDate} → {engagement.plannedEndDate}</span> ·{' '}
            {t('engagement.templateVersion', { key: engagement.templateKey, version: engagement.templateVersion })}
          </>
        }
        extra={<LifecycleActions engagement={engagement} />}
      />
      <AttentionBanner engagement={engagement} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: t('engagement.tabs.overview'),
            children: (
              <div className="gz-stack">
                <EngagementSummaryCards engagement={engagement} />
                <Card size="small" title={t('engagement.pipeline')}>
                  <StagePipeline stages={engagement.stages} />
                </Card>
                <Card size="small" title={t('matrix.title')}>
                  <CommunityStageMatrix matrix={engagement.matrix} stages={engagement.stages} />
                </Card>
                {timeline}
              </div>
            ),
          },
          { key: 'tasks', label: t('engagement.tabs.tasks', { count: openTasks }), children: tasks },
          {
            key: 'deliverables',
            label: t('engagement.tabs.deliverables', { count: engagement.deliverables.length }),
            children: <Card size="small" styles={{ body: { padding: 0 } }}>{deliverables}</Card>,
          },
          ...(knowledge ? [{ key: 'knowledge', label: <KnowledgeTabLabel behind={knowledge.behind} />, children: knowledge.content }] : []),
          ...(research ? [{ key: 'research', label: <span data-testid="research-tab">{t('engagement.tabs.research')}</span>, children: research }] : []),
          ...(cases ? [{ key: 'cases', label: <span data-testid="cases-tab">{t('engagement.tabs.cases')}</span>, children: cases }] : []),
          ...(hotline ? [{ key: 'hotline', label: <span data-testid="hotline-tab">{t('engagement.tabs.hotline')}</span>, children: hotline }] : []),
          ...(workLog ? [{ key: 'worklog', label: <span data-testid="worklog-tab">{t('engagement.tabs.worklog')}</span>, children: workLog }] : []),
          ...(consultations ? [{ key: 'consultations', label: consultations.label, children: consultations.content }] : []),
          ...(adoptions ? [{ key: 'adoptions', label: adoptions.label, children: adoptions.content }] : []),
          ...(outcomes ? [{ key: 'outcomes', label: outcomes.label, children: outcomes.content }] : []),
          { key: 'team', label: t('engagement.tabs.team'), children: <Card size="small">{<TeamCard engagement={engagement} />}</Card> },
          ...(engagement.can.readAudit
            ? [{ key: 'audit', label: t('engagement.tabs.audit'), children: <Card size="small" styles={{ body: { padding: 0 } }}>{<AuditHistory engagementId={engagement.id} entityName={entityName} personName={(id) => people.get(id)} />}</Card> }]
            : []),
        ]}
      />
    </>
  );
}

/**
 * The client contact's page: progress and, through the slots, the engagement's outcomes (what they
 * accept the project on, so right after the progress), the approved deliverables and (to read) the
 * engagement's copy of the knowledge base, the field research's results and the democratic
 * procedures (the votes are their evidence).
 */
export function ClientEngagementView({
  engagement,
  crumbs,
  deliverables,
  knowledge,
  research,
  cases,
  hotline,
  workLog,
  outcomes,
  adoptions,
}: {
  engagement: EngagementDetail;
  crumbs: Crumb[];
  deliverables: ReactNode;
  knowledge?: KnowledgeSlot;
  research?: ReactNode;
  /** The problem cases: the contact reports problems and verifies them on site. */
  cases?: ReactNode;
  /** The street's own 12345 figures, to read and export. */
  hotline?: ReactNode;
  /** The work the firm shared with the client: its service updates. */
  workLog?: ReactNode;
  /** 项目成效: the evidence the contact accepts the project on. */
  outcomes?: TabSlot;
  /** 民主程序, to read: each community's notice, vote and filing. */
  adoptions?: TabSlot;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const progress = (
    <div className="gz-stack">
      <ClientProgress engagement={engagement} />
      <Card size="small" title={t('client.approvedDeliverables')} styles={{ body: { padding: 0 } }}>
        {deliverables}
      </Card>
    </div>
  );
  const requested = params.get('tab');
  const tabs = [
    { key: 'overview', label: t('client.tabs.progress'), children: progress },
    ...(outcomes ? [{ key: 'outcomes', label: outcomes.label, children: outcomes.content }] : []),
    ...(adoptions ? [{ key: 'adoptions', label: adoptions.label, children: adoptions.content }] : []),
    ...(knowledge ? [{ key: 'knowledge', label: <KnowledgeTabLabel behind={0} />, children: knowledge.content }] : []),
    ...(research ? [{ key: 'research', label: <span data-testid="research-tab">{t('engagement.tabs.research')}</span>, children: research }] : []),
    ...(cases ? [{ key: 'cases', label: <span data-testid="cases-tab">{t('engagement.tabs.cases')}</span>, children: cases }] : []),
    ...(hotline ? [{ key: 'hotline', label: <span data-testid="hotline-tab">{t('engagement.tabs.hotline')}</span>, children: hotline }] : []),
    ...(workLog ? [{ key: 'worklog', label: <span data-testid="worklog-tab">{t('client.tabs.worklog')}</span>, children: workLog }] : []),
  ];
  return (
    <>
      <PageHeader crumbs={crumbs} title={engagement.name} tags={<EngagementStatusTag status={engagement.status} />} subtitle={t('client.subtitle', { client: engagement.clientName })} />
      {tabs.length > 1 ? (
        <Tabs
          activeKey={tabs.find((item) => item.key === requested)?.key ?? 'overview'}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          items={tabs}
        />
      ) : (
        progress
      )}
    </>
  );
}
