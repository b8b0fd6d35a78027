import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorPage } from '../../components/error-page';
import { BlockSkeleton, PageSkeleton } from '../../components/loading';
import { DeliverablesTable } from '../../features/deliverables/components/deliverables-table';
import { engagementQueryOptions, useEngagement } from '../../features/engagements/api/get-engagement';
import { ClientEngagementView, EngagementView } from '../../features/engagements/components/engagement-view';
import { ConsultationsTabLabel } from '../../features/consultations/components/consultations-tab-label';
import { isOpenTask } from '../../features/consultations/utils/consultations';
import { OutcomesTabLabel } from '../../features/outcomes/components/outcomes-tab-label';
import { AdoptionsTabLabel } from '../../features/adoptions/components/adoptions-tab-label';
import { useWatchEngagement } from '../../features/live-updates/components/live-updates-provider';
import { useEngagementKnowledge } from '../../features/knowledge/api/engagement-knowledge';
import { useMe } from '../../features/auth/api/get-me';
import { EngagementTasks } from '../../features/tasks/components/engagement-tasks';
import { TaskTimeline } from '../../features/tasks/components/task-timeline';
import { useEngagementTasks } from '../../features/tasks/api/get-tasks';
import { useLocalized } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

// The knowledge tab (tables, side-by-side view) loads when it is first shown; so does the research tab.
const EngagementKnowledge = lazy(() => import('../../features/knowledge/components/engagement-knowledge').then((module) => ({ default: module.EngagementKnowledge })));
const EngagementCases = lazy(() => import('../../features/cases/components/engagement-cases').then((module) => ({ default: module.EngagementCases })));
const EngagementHotline = lazy(() => import('../../features/cases/components/engagement-hotline').then((module) => ({ default: module.EngagementHotline })));
const EngagementWorkLog = lazy(() => import('../../features/work-log/components/engagement-work-log').then((module) => ({ default: module.EngagementWorkLog })));
const EngagementConsultations = lazy(() => import('../../features/consultations/components/engagement-consultations').then((module) => ({ default: module.EngagementConsultations })));
const EngagementOutcomes = lazy(() => import('../../features/outcomes/components/engagement-outcomes').then((module) => ({ default: module.EngagementOutcomes })));
const EngagementAdoptions = lazy(() => import('../../features/adoptions/components/engagement-adoptions').then((module) => ({ default: module.EngagementAdoptions })));
const EngagementResearch = lazy(() => import('../../features/research/components/engagement-research').then((module) => ({ default: module.EngagementResearch })));

export default function EngagementRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useWatchEngagement(id);
  const query = useEngagement(id);
  const me = useMe();
  const { text } = useLocalized();
  // The same query the timeline and task table use: one request, shared.
  const tasks = useEngagementTasks(id);
  const taskName = (taskId: string) => {
    const task = tasks.data?.find((item) => item.id === taskId);
    return task ? `${text(task.title)}${task.community ? ` · ${task.community.name}` : ''}` : undefined;
  };
  // Its counts mark the tab when the firm's knowledge base has moved on.
  const knowledgeCopy = useEngagementKnowledge(id);
  useDocumentTitle(query.data?.name ?? t('nav.portfolio'));
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError) return <ErrorPage error={query.error} onRetry={() => void query.refetch()} backTo="/" />;
  const engagement = query.data;
  const knowledge = {
    behind: knowledgeCopy.data?.counts.behind ?? 0,
    content: (
      <Suspense fallback={<BlockSkeleton rows={8} />}>
        {/* The engagement's PM and administrators decide, as long as the engagement runs (the API's rule). */}
        <EngagementKnowledge engagementId={engagement.id} canAct={engagement.can.update} />
      </Suspense>
    ),
  };
  // The client reads the questionnaires; the symposium and interview notes are the firm's.
  const research = (
    <Suspense fallback={<BlockSkeleton rows={6} />}>
      <EngagementResearch engagementId={engagement.id} {...(engagement.myRole === 'client' ? {} : { fieldNotes: { communities: engagement.communities } })} />
    </Suspense>
  );

  // Everyone on the team follows the cases; the firm's team and the client's contact report problems;
  // the PM and the lawyers record the 德治典型.
  const cases = (
    <Suspense fallback={<BlockSkeleton rows={6} />}>
      <EngagementCases
        engagementId={engagement.id}
        communities={engagement.communities}
        canReport={engagement.status !== 'cancelled' && engagement.myRole !== 'partner'}
        canRecordHouseholds={engagement.status !== 'cancelled' && (engagement.myRole === 'pm' || engagement.myRole === 'lawyer')}
        isClient={engagement.myRole === 'client'}
      />
    </Suspense>
  );

  // The firm's PM and lawyers import the street's extracts; the PM sets what the comparison rests on; the client reads and exports.
  const hotline = (
    <Suspense fallback={<BlockSkeleton rows={6} />}>
      <EngagementHotline
        engagementId={engagement.id}
        canImport={engagement.status !== 'cancelled' && (engagement.myRole === 'pm' || engagement.myRole === 'lawyer')}
        canConfigure={engagement.status !== 'cancelled' && (engagement.myRole === 'pm' || engagement.can.update)}
      />
    </Suspense>
  );

  // The firm's team logs its work; the client's contact reads what is shared with them as service updates.
  const workLog = (
    <Suspense fallback={<BlockSkeleton rows={6} />}>
      <EngagementWorkLog engagementId={engagement.id} communities={engagement.communities} isClient={engagement.myRole === 'client'} {...(me.data ? { myId: me.data.id } : {})} />
    </Suspense>
  );

  // 会诊 is the firm's own deliberation: its team (and administrators) only, never the client's contact.
  const taskRefs = (tasks.data ?? []).map((task) => ({
    id: task.id,
    key: task.key,
    label: `${text(task.title)}${task.community ? ` · ${task.community.name}` : ''}${task.department ? ` · ${task.department.name}` : ''}`,
    open: isOpenTask(task.status),
  }));
  const consultations = {
    label: <ConsultationsTabLabel />,
    content: (
      <Suspense fallback={<BlockSkeleton rows={6} />}>
        <EngagementConsultations engagementId={engagement.id} myId={me.data?.id} tasks={taskRefs} />
      </Suspense>
    ),
  };

  // 项目成效: every role reads it, the client's contact above all (it is what they accept the project on).
  const outcomes = {
    label: <OutcomesTabLabel />,
    content: (
      <Suspense fallback={<BlockSkeleton rows={8} />}>
        <EngagementOutcomes engagementId={engagement.id} />
      </Suspense>
    ),
  };

  // 民主程序: the PM opens and records each step; the rest of the team and the client's contact read
  // them (the votes are the client's evidence). A convention is filed with the client's own office.
  const adoptions = {
    label: <AdoptionsTabLabel />,
    content: (
      <Suspense fallback={<BlockSkeleton rows={6} />}>
        <EngagementAdoptions engagementId={engagement.id} communities={engagement.communities} filedWith={engagement.clientName} />
      </Suspense>
    ),
  };

  if (engagement.myRole === 'client') {
    return (
      <ClientEngagementView
        engagement={engagement}
        crumbs={[{ label: t('nav.home'), to: '/' }]}
        deliverables={<DeliverablesTable deliverables={engagement.deliverables} approvedOnly />}
        knowledge={knowledge}
        research={research}
        cases={cases}
        hotline={hotline}
        workLog={workLog}
        outcomes={outcomes}
        adoptions={adoptions}
      />
    );
  }
  return (
    <EngagementView
      engagement={engagement}
      crumbs={[{ label: t('nav.portfolio'), to: '/engagements' }]}
      timeline={<TaskTimeline engagementId={engagement.id} stages={engagement.stages} />}
      tasks={<EngagementTasks engagementId={engagement.id} canReassign={engagement.can.update} />}
      deliverables={<DeliverablesTable deliverables={engagement.deliverables} />}
      knowledge={knowledge}
      research={research}
      cases={cases}
      hotline={hotline}
      workLog={workLog}
      consultations={consultations}
      adoptions={adoptions}
      outcomes={outcomes}
      taskName={taskName}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (params.id) void queryClient.query(engagementQueryOptions(params.id)).catch(() => undefined);
}
