/**
 * Every query key of the dashboard, in one place: features own their query functions, but the
 * live-update stream and mutations invalidate by these prefixes, so the shape is shared.
 * Prefixes: a whole resource (`['tasks']`) invalidates every list and detail under it.
 */
export const queryKeys = {
  me: ['me'] as const,
  apiTokens: {
    all: ['apiTokens'] as const,
  },
  /** One's calendar subscription addresses (日历订阅): no live update names them, so only one's own changes refresh them. */
  calendarFeeds: {
    all: ['calendarFeeds'] as const,
  },
  engagements: {
    all: ['engagements'] as const,
    list: (query: object) => ['engagements', 'list', query] as const,
    detail: (id: string) => ['engagements', 'detail', id] as const,
    audit: (id: string, query: object) => ['engagements', 'audit', id, query] as const,
    /** The engagement's copy of the knowledge base: under `engagements`, so live updates refresh it. */
    knowledge: (id: string) => ['engagements', 'knowledge', id] as const,
    knowledgeEntry: (id: string, kind: string, key: string) => ['engagements', 'knowledge', id, 'entry', kind, key] as const,
    /** Field research: under `engagements` too, so a response arriving refreshes the results on screen. */
    questionnaires: (id: string) => ['engagements', 'questionnaires', id] as const,
    questionnaire: (id: string, questionnaireId: string) => ['engagements', 'questionnaires', id, questionnaireId] as const,
    researchSessions: (id: string) => ['engagements', 'research-sessions', id] as const,
    communityProblems: (id: string) => ['engagements', 'community-problems', id] as const,
    /** Each community's profile (社区概况), refreshed by the `profile.updated` a save publishes. */
    communityProfiles: (id: string) => ['engagements', 'community-profiles', id] as const,
    /** Community problem cases, refreshed by the `case.updated` each event publishes. */
    cases: (id: string) => ['engagements', 'cases', id] as const,
    case: (id: string, caseId: string) => ['engagements', 'cases', id, caseId] as const,
    caseScorecards: (id: string) => ['engagements', 'case-scorecards', id] as const,
    caseFigures: (id: string) => ['engagements', 'case-figures', id] as const,
    caseSettings: (id: string) => ['engagements', 'case-settings', id] as const,
    /** 德治典型, refreshed by the `case.updated` a record publishes. */
    modelHouseholds: (id: string) => ['engagements', 'model-households', id] as const,
    /** 工作日志 with its filters (community, author), refreshed by the `engagement.updated` an entry publishes. */
    workLog: (id: string, query: object) => ['engagements', 'work-log', id, query] as const,
    workLogAll: (id: string) => ['engagements', 'work-log', id] as const,
    /** 会诊: the engagement's, filtered (status, task), and one in detail; under `engagements`, so live updates refresh them. */
    consultations: (id: string, query: object) => ['engagements', 'consultations', id, 'list', query] as const,
    consultation: (id: string, consultationId: string) => ['engagements', 'consultations', id, 'detail', consultationId] as const,
    consultationsAll: (id: string) => ['engagements', 'consultations', id] as const,
    /** 民主程序: the engagement's (filtered by community) and one in detail; under `engagements`, so live updates (the notice ending on its timer) refresh them. */
    adoptions: (id: string, query: object) => ['engagements', 'adoptions', id, 'list', query] as const,
    adoption: (id: string, adoptionId: string) => ['engagements', 'adoptions', id, 'detail', adoptionId] as const,
    adoptionsAll: (id: string) => ['engagements', 'adoptions', id] as const,
    /** A procedure's 公示 comments, answers and link counts: under its engagement's adoptions, so every change to them refreshes it. */
    adoptionComments: (id: string, adoptionId: string) => ['engagements', 'adoptions', id, 'comments', adoptionId] as const,
    /** 项目成效: under `engagements`, so any change to the engagement's work refreshes it. */
    outcomes: (id: string) => ['engagements', 'outcomes', id] as const,
    /** The 12345 imports, settings and figures, refreshed by the `hotline.updated` an import or a save publishes. */
    hotlineImports: (id: string) => ['engagements', 'hotline', id, 'imports'] as const,
    hotlineSettings: (id: string) => ['engagements', 'hotline', id, 'settings'] as const,
    hotlineFigures: (id: string) => ['engagements', 'hotline', id, 'figures'] as const,
  },
  /** The firm's concluded consultations (会诊结论), searched across engagements. */
  consultations: {
    all: ['consultations'] as const,
    search: (query: object) => ['consultations', 'search', query] as const,
  },
  /** A respondent's questionnaire, by its link's token: no session, never refreshed by live updates. */
  publicQuestionnaire: (token: string) => ['publicQuestionnaire', token] as const,
  /** A draft on public notice, by its comment link's token: no session, never refreshed by live updates. */
  publicAdoptionDraft: (token: string) => ['publicAdoptionDraft', token] as const,
  knowledge: {
    all: ['knowledge'] as const,
    list: (query: object) => ['knowledge', 'list', query] as const,
    entry: (kind: string, key: string) => ['knowledge', 'entry', kind, key] as const,
    versions: (kind: string, key: string) => ['knowledge', 'versions', kind, key] as const,
    version: (kind: string, key: string, version: number, compareTo: number | null) => ['knowledge', 'version', kind, key, version, compareTo] as const,
  },
  templates: {
    all: ['templates'] as const,
    detail: (key: string) => ['templates', 'detail', key] as const,
  },
  users: {
    list: (query: object) => ['users', 'list', query] as const,
  },
  tasks: {
    all: ['tasks'] as const,
    list: (query: object) => ['tasks', 'list', query] as const,
    ofEngagement: (engagementId: string) => ['tasks', 'engagement', engagementId] as const,
    detail: (id: string) => ['tasks', 'detail', id] as const,
  },
  deliverables: {
    all: ['deliverables'] as const,
    list: (query: object) => ['deliverables', 'list', query] as const,
    detail: (id: string) => ['deliverables', 'detail', id] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    list: (query: object) => ['notifications', 'list', query] as const,
  },
};

/** What any change to an engagement's work can touch. */
export const workQueryPrefixes = [queryKeys.engagements.all, queryKeys.tasks.all, queryKeys.deliverables.all] as const;
