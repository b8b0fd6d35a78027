import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, matchPath, Route, Routes } from 'react-router';
import { AuthGuard } from './auth-guard';
import { RouteErrorBoundary } from './route-error';

/** A route module: its page, and optionally the data to start fetching before the page renders. */
interface RouteModule {
  default: ComponentType;
  prefetch?: (queryClient: QueryClient, params: Record<string, string | undefined>) => void;
}

// One chunk per route: the first page loads only the shell and what it shows.
const routeModules = {
  login: () => import('./routes/login'),
  home: () => import('./routes/home'),
  portfolio: () => import('./routes/portfolio'),
  newEngagement: () => import('./routes/new-engagement'),
  engagement: () => import('./routes/engagement'),
  myTasks: () => import('./routes/my-tasks'),
  task: () => import('./routes/task'),
  reviews: () => import('./routes/reviews'),
  deliverable: () => import('./routes/deliverable'),
  risk: () => import('./routes/risk'),
  notifications: () => import('./routes/notifications'),
  account: () => import('./routes/account'),
  knowledge: () => import('./routes/knowledge'),
  knowledgeEntry: () => import('./routes/knowledge-entry'),
  knowledgeEdit: () => import('./routes/knowledge-edit'),
  questionnaire: () => import('./routes/questionnaire'),
  questionnaireEdit: () => import('./routes/questionnaire-edit'),
  questionnaireEntry: () => import('./routes/questionnaire-entry'),
  publicQuestionnaire: () => import('./routes/public-questionnaire'),
  publicComments: () => import('./routes/public-comments'),
  notFound: () => import('./routes/not-found'),
} satisfies Record<string, () => Promise<RouteModule>>;

/** Paths in matching order (`/engagements/new` before `/engagements/:id`). */
const ROUTE_PATHS: [string, keyof typeof routeModules][] = [
  ['/login', 'login'],
  ['/', 'home'],
  ['/engagements', 'portfolio'],
  ['/engagements/new', 'newEngagement'],
  ['/engagements/:id', 'engagement'],
  ['/engagements/:id/questionnaires/new', 'questionnaireEdit'],
  ['/engagements/:id/questionnaires/:questionnaireId', 'questionnaire'],
  ['/engagements/:id/questionnaires/:questionnaireId/edit', 'questionnaireEdit'],
  ['/engagements/:id/questionnaires/:questionnaireId/enter', 'questionnaireEntry'],
  ['/tasks', 'myTasks'],
  ['/tasks/:id', 'task'],
  ['/reviews', 'reviews'],
  ['/deliverables/:id', 'deliverable'],
  ['/risk', 'risk'],
  ['/notifications', 'notifications'],
  ['/account', 'account'],
  ['/knowledge', 'knowledge'],
  ['/knowledge/new', 'knowledgeEdit'],
  ['/knowledge/:kind/:key', 'knowledgeEntry'],
  ['/knowledge/:kind/:key/edit', 'knowledgeEdit'],
  ['/q/:token', 'publicQuestionnaire'],
  ['/c/:token', 'publicComments'],
];

/** Pages a respondent opens without an account: no session to check, no shell around them. */
export const isPublicPath = (pathname: string): boolean =>
  matchPath('/q/:token', pathname) !== null || matchPath('/c/:token', pathname) !== null;

/**
 * Starts loading the page of a URL, and its data, while the shell is still starting: the route's
 * chunk and its first query no longer wait for the session check to finish.
 */
export function preloadRoute(pathname: string, queryClient: QueryClient): void {
  for (const [path, key] of ROUTE_PATHS) {
    const match = matchPath(path, pathname);
    if (!match) continue;
    const load: () => Promise<RouteModule> = routeModules[key];
    void load().then(
      (module) => module.prefetch?.(queryClient, match.params),
      () => undefined, // the page itself reports a failed chunk when it renders
    );
    return;
  }
}

const LoginRoute = lazy(routeModules.login);
const HomeRoute = lazy(routeModules.home);
const PortfolioRoute = lazy(routeModules.portfolio);
const NewEngagementRoute = lazy(routeModules.newEngagement);
const EngagementRoute = lazy(routeModules.engagement);
const MyTasksRoute = lazy(routeModules.myTasks);
const TaskRoute = lazy(routeModules.task);
const ReviewsRoute = lazy(routeModules.reviews);
const DeliverableRoute = lazy(routeModules.deliverable);
const RiskRoute = lazy(routeModules.risk);
const NotificationsRoute = lazy(routeModules.notifications);
const AccountRoute = lazy(routeModules.account);
const KnowledgeRoute = lazy(routeModules.knowledge);
const KnowledgeEntryRoute = lazy(routeModules.knowledgeEntry);
const KnowledgeEditRoute = lazy(routeModules.knowledgeEdit);
const QuestionnaireRoute = lazy(routeModules.questionnaire);
const QuestionnaireEditRoute = lazy(routeModules.questionnaireEdit);
const QuestionnaireEntryRoute = lazy(routeModules.questionnaireEntry);
const PublicQuestionnaireRoute = lazy(routeModules.publicQuestionnaire);
const PublicCommentsRoute = lazy(routeModules.publicComments);
const NotFoundRoute = lazy(routeModules.notFound);

/**
 * Declarative routes: the app loads its data with TanStack Query, so the data router's loaders
 * and actions would be unused weight in the first download.
 */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/login"
          element={
            <RouteErrorBoundary>
              <Suspense fallback={null}>
                <LoginRoute />
              </Suspense>
            </RouteErrorBoundary>
          }
        />
        <Route
          path="/q/:token"
          element={
            <RouteErrorBoundary>
              <Suspense fallback={null}>
                <PublicQuestionnaireRoute />
              </Suspense>
            </RouteErrorBoundary>
          }
        />
        <Route
          path="/c/:token"
          element={
            <RouteErrorBoundary>
              <Suspense fallback={null}>
                <PublicCommentsRoute />
              </Suspense>
            </RouteErrorBoundary>
          }
        />
        <Route path="/" element={<AuthGuard />}>
          <Route index element={<HomeRoute />} />
          <Route path="engagements" element={<PortfolioRoute />} />
          <Route path="engagements/new" element={<NewEngagementRoute />} />
          <Route path="engagements/:id" element={<EngagementRoute />} />
          <Route path="engagements/:id/questionnaires/new" element={<QuestionnaireEditRoute />} />
          <Route path="engagements/:id/questionnaires/:questionnaireId" element={<QuestionnaireRoute />} />
          <Route path="engagements/:id/questionnaires/:questionnaireId/edit" element={<QuestionnaireEditRoute />} />
          <Route path="engagements/:id/questionnaires/:questionnaireId/enter" element={<QuestionnaireEntryRoute />} />
          <Route path="tasks" element={<MyTasksRoute />} />
          <Route path="tasks/:id" element={<TaskRoute />} />
          <Route path="reviews" element={<ReviewsRoute />} />
          <Route path="deliverables/:id" element={<DeliverableRoute />} />
          <Route path="risk" element={<RiskRoute />} />
          <Route path="notifications" element={<NotificationsRoute />} />
          <Route path="account" element={<AccountRoute />} />
          <Route path="knowledge" element={<KnowledgeRoute />} />
          <Route path="knowledge/new" element={<KnowledgeEditRoute />} />
          <Route path="knowledge/:kind/:key" element={<KnowledgeEntryRoute />} />
          <Route path="knowledge/:kind/:key/edit" element={<KnowledgeEditRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
