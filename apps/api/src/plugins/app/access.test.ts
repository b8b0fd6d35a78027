// The permission matrix: every operation of the contract registry × every kind of caller (each
// firm role, on the engagement's team or not, by session or by token, and nobody), with the
// expected answer derived from the permission the operation declares.
import { randomUUID } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InjectOptions } from 'fastify';
import { CSRF_HEADER, type ErrorCode, type Operation, type OperationId, buildPath, isStateChanging, operationList, operations, successStatusOf } from '@gongzhi/contracts';
import { DEMO_PASSWORD } from '@gongzhi/db';
import { type Role, type WorkerRole } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { newApiTokenSecret, sha256Hex } from '../../lib/secrets';
import { SESSION_COOKIE } from '../../lib/sessions';
import { createEngagement, engagementBody } from '../../testing/fixtures';
import { type Credentials, DOCX_MIME, TEST_USERS, type TestApi, type TestUserName, createTestApi, docxBytes, multipartBody } from '../../testing/harness';

let api: TestApi;
let baseUrl: string;
/** The running engagement every engagement-scoped probe targets. */
let engagementId: string;
/** A cancelled engagement of the same team: lifecycle probes answer 409 there and change nothing. */
let cancelledEngagementId: string;
let taskId: string;
let deliverableId: string;
let submittedEngagementId: string;
let submittedDeliverableId: string;
let targetUserId: string;
const tokens = new Map<TestUserName, Credentials & { kind: 'token'; id: string }>();

/** Each user's place on both engagements' team (outsiders and the admin are on neither). */
const TEAM_ROLE: Partial<Record<TestUserName, WorkerRole>> = { pm: 'pm', partner: 'partner', lawyer: 'lawyer', lawyer2: 'lawyer', client: 'client' };
/** The assignee of the probed task. */
const ASSIGNEE: TestUserName = 'lawyer';

interface Caller {
  label: string;
  user: TestUserName | null;
  auth: 'session' | 'token' | 'none';
}

const callers: Caller[] = [
  { label: 'anonymous', user: null, auth: 'none' },
  ...(Object.keys(TEST_USERS) as TestUserName[]).flatMap((user) =>
    (['session', 'token'] as const).map((auth) => ({ label: `${user}${TEAM_ROLE[user] ? ' (member)' : ' (non-member)'} by ${auth}`, user, auth })),
  ),
];

type Expected = { status: number; code?: ErrorCode };

/**
 * The expected refusal, read off the operation's declared permission alone; null when the
 * caller must get through (then the probe's own outcome is expected).
 */
function expectedRefusal(operation: Operation, caller: Caller): Expected | null {
  const permission = operation.permission;
  if (permission.auth === 'public') return null;
  if (!caller.user) return { status: 401, code: 'unauthenticated' };
  const roles: readonly Role[] = TEST_USERS[caller.user].roles;
  const isAdmin = roles.includes('admin');
  if (permission.rules?.includes('session-only') && caller.auth === 'token') return { status: 403, code: 'forbidden' };
  if (permission.auth === 'role') return permission.roles.some((role) => roles.includes(role)) ? null : { status: 403, code: 'forbidden' };
  if (permission.auth !== 'engagement') return null;
  const teamRole = TEAM_ROLE[caller.user] ?? null;
  const adminPasses = permission.admins && isAdmin;
  // Outsiders learn nothing (404); admins where admins are not let in are told no.
  if (teamRole === null) return adminPasses ? null : isAdmin ? { status: 403, code: 'forbidden' } : { status: 404, code: 'not_found' };
  if (!adminPasses && !permission.teamRoles.includes(teamRole)) return { status: 403, code: 'forbidden' };
  if (permission.rules?.includes('assignee-or-pm') && caller.user !== ASSIGNEE && teamRole !== 'pm') return { status: 403, code: 'not_assignee' };
  // The probed deliverable is a draft: a client may not see it.
  if (permission.rules?.includes('client-sees-approved-only') && permission.resource === 'deliverable' && teamRole === 'client') return { status: 404, code: 'not_found' };
  return null;
}

interface Probe {
  /** The request, made for this caller (some probes use the caller's own resources). */
  request(caller: Caller): Promise<{ path: string; payload?: unknown; multipart?: ReturnType<typeof multipartBody> }>;
  /** What a caller who gets through receives: the success status, or a business refusal that proves access passed. */
  allowed: Expected;
}

/** A built-in source entry's content, as stored. */
const sourceContent = async (key: string) => (await api.db.knowledgeEntry.findFirstOrThrow({ where: { kind: 'source', key } })).content;

const userIdOf = (user: TestUserName | null) => (user ? api.users[user].id : randomUUID());

/**
 * One request per operation, chosen so that a caller who gets through receives a fixed answer
 * and the shared fixtures stay as they are (state-changing probes are refused by the business
 * rules after the access check, or change nothing that later probes depend on).
 */
const probes: Record<OperationId, Probe> = {
  login: { request: async () => ({ path: '/api/auth/login', payload: { username: 'pm', password: DEMO_PASSWORD } }), allowed: { status: 200 } },
  logout: { request: async () => ({ path: '/api/auth/logout' }), allowed: { status: 200 } },
  getMe: { request: async () => ({ path: '/api/me' }), allowed: { status: 200 } },
  updateMe: { request: async () => ({ path: '/api/me', payload: { locale: 'zh-CN' } }), allowed: { status: 200 } },
  changeMyPassword: { request: async () => ({ path: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }), allowed: { status: 200 } },
  listApiTokens: { request: async () => ({ path: '/api/me/tokens' }), allowed: { status: 200 } },
  createApiToken: { request: async () => ({ path: '/api/me/tokens', payload: { name: 'matrix' } }), allowed: { status: 201 } },
  revokeApiToken: {
    async request(caller) {
      const { prefix, tokenHash } = newApiTokenSecret();
      const token = await api.db.apiToken.create({ data: { userId: caller.user ? api.users[caller.user].id : api.users.admin.id, name: 'to revoke', prefix, tokenHash } });
      return { path: `/api/me/tokens/${token.id}` };
    },
    allowed: { status: 200 },
  },
  listCalendarFeeds: { request: async () => ({ path: '/api/me/calendar-feeds' }), allowed: { status: 200 } },
  createCalendarFeed: { request: async () => ({ path: '/api/me/calendar-feeds', payload: { name: '矩阵测试' } }), allowed: { status: 201 } },
  revokeCalendarFeed: {
    async request(caller) {
      const feed = await api.db.calendarFeed.create({ data: { userId: caller.user ? api.users[caller.user].id : api.users.admin.id, name: '待停用', tokenHash: sha256Hex(randomUUID()) } });
      return { path: `/api/me/calendar-feeds/${feed.id}` };
    },
    allowed: { status: 200 },
  },
  getCalendarFeed: { request: async () => ({ path: `/api/public/calendar/${'x'.repeat(32)}` }), allowed: { status: 404, code: 'not_found' } },
  listUsers: { request: async () => ({ path: '/api/users' }), allowed: { status: 200 } },
  createUser: {
    request: async () => ({ path: '/api/users', payload: { username: `u${randomUUID().slice(0, 8)}`, displayName: '新同事', roles: ['lawyer'], password: 'a-long-enough-password' } }),
    allowed: { status: 201 },
  },
  updateUser: { request: async () => ({ path: `/api/users/${targetUserId}`, payload: { displayName: '被修改的用户' } }), allowed: { status: 200 } },
  resetUserPassword: { request: async () => ({ path: `/api/users/${targetUserId}/reset-password`, payload: { newPassword: 'another-long-password' } }), allowed: { status: 200 } },
  listEngagements: { request: async () => ({ path: '/api/engagements' }), allowed: { status: 200 } },
  // A lawyer slot holding the client: refused by the team check, after access control.
  createEngagement: {
    request: async () => ({ path: '/api/engagements', payload: engagementBody(api, { team: { pm: api.users.pm.id, partner: api.users.partner.id, lawyers: [api.users.client.id] } }) }),
    allowed: { status: 422, code: 'invalid_assignee' },
  },
  getEngagement: { request: async () => ({ path: `/api/engagements/${engagementId}` }), allowed: { status: 200 } },
  updateEngagement: { request: async () => ({ path: `/api/engagements/${engagementId}`, payload: { clientName: '某某街道办事处' } }), allowed: { status: 200 } },
  pauseEngagement: { request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/pause`, payload: {} }), allowed: { status: 409, code: 'engagement_not_running' } },
  resumeEngagement: { request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/resume`, payload: {} }), allowed: { status: 409, code: 'engagement_not_running' } },
  // Nothing waits on a retry there: the engagement comes back unchanged.
  retryEngagement: { request: async () => ({ path: `/api/engagements/${engagementId}/retry`, payload: {} }), allowed: { status: 200 } },
  cancelEngagement: { request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/cancel`, payload: {} }), allowed: { status: 409, code: 'engagement_not_running' } },
  listEngagementAudit: { request: async () => ({ path: `/api/engagements/${engagementId}/audit` }), allowed: { status: 200 } },
  streamEngagementEvents: { request: async () => ({ path: `/api/engagements/${engagementId}/events` }), allowed: { status: 200 } },
  listTemplates: { request: async () => ({ path: '/api/templates' }), allowed: { status: 200 } },
  getTemplate: { request: async () => ({ path: '/api/templates/community-governance' }), allowed: { status: 200 } },
  listTasks: { request: async () => ({ path: '/api/tasks?assignee=me' }), allowed: { status: 200 } },
  getTask: { request: async () => ({ path: `/api/tasks/${taskId}` }), allowed: { status: 200 } },
  // An empty form: the workflow checks who is completing before it checks the form.
  completeTask: { request: async () => ({ path: `/api/tasks/${taskId}/complete`, payload: { formData: {} } }), allowed: { status: 422, code: 'form_invalid' } },
  assignTask: { request: async () => ({ path: `/api/tasks/${taskId}/assign`, payload: { assigneeId: api.users.client.id } }), allowed: { status: 422, code: 'invalid_assignee' } },
  listDeliverables: { request: async () => ({ path: '/api/deliverables' }), allowed: { status: 200 } },
  getDeliverable: { request: async () => ({ path: `/api/deliverables/${deliverableId}` }), allowed: { status: 200 } },
  uploadDeliverableFile: {
    request: async () => ({
      path: `/api/deliverables/${deliverableId}/uploads`,
      multipart: multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('矩阵测试稿') }]),
    }),
    allowed: { status: 201 },
  },
  downloadDeliverableRevision: { request: async () => ({ path: `/api/deliverables/${submittedDeliverableId}/revisions/1/file` }), allowed: { status: 200 } },
  // No revision 99: 404 after access control (a real conversion is tested in deliverables.test.ts).
  downloadDeliverableRevisionPdf: { request: async () => ({ path: `/api/deliverables/${submittedDeliverableId}/revisions/99/pdf` }), allowed: { status: 404, code: 'not_found' } },
  reviewDeliverable: { request: async () => ({ path: `/api/deliverables/${deliverableId}/reviews`, payload: { revision: 1, sha256: 'a'.repeat(64), decision: 'approve' } }), allowed: { status: 409, code: 'task_not_in_review' } },
  listKnowledge: { request: async () => ({ path: '/api/knowledge?kind=law&q=物业' }), allowed: { status: 200 } },
  getKnowledgeEntry: { request: async () => ({ path: '/api/knowledge/source/S1' }), allowed: { status: 200 } },
  // The key is taken: refused after access control, nothing written.
  createKnowledgeEntry: {
    request: async () => ({ path: '/api/knowledge/source', payload: { content: await sourceContent('S1'), reason: '矩阵测试' } }),
    allowed: { status: 409, code: 'conflict' },
  },
  // A version nobody saved: refused as a conflict, nothing written.
  reviseKnowledgeEntry: {
    request: async () => ({ path: '/api/knowledge/source/S1', payload: { content: await sourceContent('S1'), reason: '矩阵测试', expectedVersion: 999 } }),
    allowed: { status: 409, code: 'conflict' },
  },
  listKnowledgeVersions: { request: async () => ({ path: '/api/knowledge/source/S1/versions' }), allowed: { status: 200 } },
  getKnowledgeVersion: { request: async () => ({ path: '/api/knowledge/source/S1/versions/1' }), allowed: { status: 200 } },
  listEngagementKnowledge: { request: async () => ({ path: `/api/engagements/${engagementId}/knowledge` }), allowed: { status: 200 } },
  getEngagementKnowledge: { request: async () => ({ path: `/api/engagements/${engagementId}/knowledge/source/S1` }), allowed: { status: 200 } },
  adaptEngagementKnowledge: {
    request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/knowledge/source/S1`, payload: { content: await sourceContent('S1'), reason: '矩阵测试' } }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  takeEngagementKnowledge: { request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/knowledge/take`, payload: {} }), allowed: { status: 409, code: 'engagement_not_running' } },
  // The probed deliverable (the service plan) can be drafted: a member who may gets 201, and a draft is all it makes.
  generateDeliverableDocument: { request: async () => ({ path: `/api/deliverables/${deliverableId}/generations`, payload: {} }), allowed: { status: 201 } },
  // No draft with that id: 404 after access control.
  downloadGeneratedDocument: { request: async () => ({ path: `/api/deliverables/${deliverableId}/generations/${randomUUID()}/file` }), allowed: { status: 404, code: 'not_found' } },
  listQuestionnaires: { request: async () => ({ path: `/api/engagements/${engagementId}/questionnaires` }), allowed: { status: 200 } },
  // A cancelled engagement takes no new questionnaire: refused by its workflow, after access control.
  createQuestionnaire: {
    request: async () => ({
      path: `/api/engagements/${cancelledEngagementId}/questionnaires`,
      payload: { audience: 'residents', title: '矩阵测试问卷', intro: '', questions: [{ key: 'q1', type: 'text', text: '您的建议', required: false }] },
    }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  // No questionnaire with that id in the engagement: 404 after access control, nothing written.
  getQuestionnaire: { request: async () => ({ path: `/api/engagements/${engagementId}/questionnaires/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  exportQuestionnaireResults: { request: async () => ({ path: `/api/engagements/${engagementId}/questionnaires/${randomUUID()}/results.xlsx` }), allowed: { status: 404, code: 'not_found' } },
  reviseQuestionnaire: {
    request: async () => ({
      path: `/api/engagements/${engagementId}/questionnaires/${randomUUID()}`,
      payload: { title: '矩阵测试问卷', intro: '', questions: [{ key: 'q1', type: 'text', text: '您的建议', required: false }], expectedVersion: 1, reason: '矩阵测试' },
    }),
    allowed: { status: 404, code: 'not_found' },
  },
  closeQuestionnaire: { request: async () => ({ path: `/api/engagements/${engagementId}/questionnaires/${randomUUID()}/close` }), allowed: { status: 404, code: 'not_found' } },
  issueQuestionnaireLinks: { request: async () => ({ path: `/api/engagements/${engagementId}/questionnaires/${randomUUID()}/links`, payload: { count: 1 } }), allowed: { status: 404, code: 'not_found' } },
  recordQuestionnaireResponse: {
    request: async () => ({ path: `/api/engagements/${engagementId}/questionnaires/${randomUUID()}/responses`, payload: { answeredOn: '2026-11-20', answers: {} } }),
    allowed: { status: 404, code: 'not_found' },
  },
  // Anyone may try a link; an unknown one is 404 for everyone.
  getPublicQuestionnaire: { request: async () => ({ path: `/api/public/questionnaires/${'x'.repeat(32)}` }), allowed: { status: 404, code: 'not_found' } },
  submitPublicQuestionnaire: { request: async () => ({ path: `/api/public/questionnaires/${'x'.repeat(32)}`, payload: { answers: {} } }), allowed: { status: 404, code: 'not_found' } },
  listResearchSessions: { request: async () => ({ path: `/api/engagements/${engagementId}/research-sessions` }), allowed: { status: 200 } },
  // A cancelled engagement takes no new record: refused by its workflow, after access control.
  recordResearchSession: {
    request: async () => ({
      path: `/api/engagements/${cancelledEngagementId}/research-sessions`,
      payload: { kind: 'symposium', heldOn: '2026-11-20', place: '社区党群服务中心会议室', participants: '居委会委员、居民代表', problems: [{ description: '楼道堆物' }] },
    }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  getResearchSession: { request: async () => ({ path: `/api/engagements/${engagementId}/research-sessions/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  reviseResearchSession: {
    request: async () => ({
      path: `/api/engagements/${engagementId}/research-sessions/${randomUUID()}`,
      payload: { kind: 'interview', heldOn: '2026-11-20', place: '物业服务中心', participants: '物业项目经理', expectedVersion: 1 },
    }),
    allowed: { status: 404, code: 'not_found' },
  },
  listCommunityProblems: { request: async () => ({ path: `/api/engagements/${engagementId}/community-problems` }), allowed: { status: 200 } },
  listCommunityProfiles: { request: async () => ({ path: `/api/engagements/${engagementId}/community-profiles` }), allowed: { status: 200 } },
  saveCommunityProfile: {
    request: async () => ({
      path: `/api/engagements/${engagementId}/community-profiles/no-such-community`,
      payload: { partyOrganization: '中共某社区委员会', households: 1200, residents: 3100, mediation: { venue: '社区居委会调解室' }, expectedVersion: 0 },
    }),
    allowed: { status: 404, code: 'not_found' },
  },
  tagCommunityProblem: {
    request: async () => ({ path: `/api/engagements/${engagementId}/community-problems/${randomUUID()}/tag`, payload: { violation: 'stairwell-clutter' } }),
    allowed: { status: 404, code: 'not_found' },
  },
  listCases: { request: async () => ({ path: `/api/engagements/${engagementId}/cases` }), allowed: { status: 200 } },
  // A cancelled engagement takes no new case: refused after access control.
  reportCase: {
    request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/cases`, payload: { community: 'c1', title: '楼道堆物', description: '', place: '3号楼' } }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  getCase: { request: async () => ({ path: `/api/engagements/${engagementId}/cases/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  actOnCase: {
    request: async () => ({ path: `/api/engagements/${engagementId}/cases/${randomUUID()}/actions`, payload: { type: 'verify', on: '2026-11-20', passed: true, note: '现场核查' } }),
    allowed: { status: 404, code: 'not_found' },
  },
  downloadCaseReferralLetter: { request: async () => ({ path: `/api/engagements/${engagementId}/cases/${randomUUID()}/referral-letters/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  downloadCaseLetter: { request: async () => ({ path: `/api/engagements/${engagementId}/cases/${randomUUID()}/letter` }), allowed: { status: 404, code: 'not_found' } },
  listModelHouseholds: { request: async () => ({ path: `/api/engagements/${engagementId}/model-households` }), allowed: { status: 200 } },
  // A cancelled engagement records none: refused after access control.
  recordModelHousehold: {
    request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/model-households`, payload: { community: 'anding', household: '3号院王淑珍家', deeds: '带头清理楼道杂物', recognizedOn: '2026-11-20', recognizedBy: '安定社区居委会' } }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  withdrawModelHousehold: { request: async () => ({ path: `/api/engagements/${engagementId}/model-households/${randomUUID()}/withdrawal`, payload: { reason: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  listWorkLog: { request: async () => ({ path: `/api/engagements/${engagementId}/work-log` }), allowed: { status: 200 } },
  // A cancelled engagement logs nothing more: refused after access control.
  logWork: {
    request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/work-log`, payload: { workedOn: '2026-11-20', minutes: 60, activity: 'visit', note: '走访安定门社区，了解楼道堆物情况' } }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  shareWorkLogEntry: { request: async () => ({ path: `/api/engagements/${engagementId}/work-log/${randomUUID()}/sharing`, payload: { sharedWithClient: true } }), allowed: { status: 404, code: 'not_found' } },
  downloadWorkLedger: { request: async () => ({ path: `/api/engagements/${engagementId}/work-log/ledger.xlsx` }), allowed: { status: 200 } },
  withdrawWorkLogEntry: { request: async () => ({ path: `/api/engagements/${engagementId}/work-log/${randomUUID()}/withdrawal`, payload: { reason: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  downloadOutcomesWorkbook: { request: async () => ({ path: `/api/engagements/${engagementId}/outcomes/evidence.xlsx` }), allowed: { status: 200 } },
  getEngagementOutcomes: { request: async () => ({ path: `/api/engagements/${engagementId}/outcomes` }), allowed: { status: 200 } },
  listConsultations: { request: async () => ({ path: `/api/engagements/${engagementId}/consultations` }), allowed: { status: 200 } },
  // A cancelled engagement opens no consultation: refused after access control.
  openConsultation: {
    request: async () => ({
      path: `/api/engagements/${cancelledEngagementId}/consultations`,
      payload: { topic: '业委会换届争议', question: '业主大会未达法定人数时，居委会能否组织补选？', invitees: [randomUUID()], dueOn: '2026-12-31' },
    }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  getConsultation: { request: async () => ({ path: `/api/engagements/${engagementId}/consultations/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  giveConsultationOpinion: { request: async () => ({ path: `/api/engagements/${engagementId}/consultations/${randomUUID()}/opinions`, payload: { body: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  concludeConsultation: { request: async () => ({ path: `/api/engagements/${engagementId}/consultations/${randomUUID()}/conclusion`, payload: { conclusion: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  withdrawConsultation: { request: async () => ({ path: `/api/engagements/${engagementId}/consultations/${randomUUID()}/withdrawal`, payload: { reason: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  searchConsultations: { request: async () => ({ path: '/api/consultations?q=业委会' }), allowed: { status: 200 } },
  listAdoptions: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions` }), allowed: { status: 200 } },
  // A cancelled engagement opens no procedure: refused after access control.
  openAdoption: {
    request: async () => ({
      path: `/api/engagements/${cancelledEngagementId}/adoptions`,
      payload: { communityId: randomUUID(), instrument: 'residents_convention', title: '《矩阵社区居民公约（修订稿）》', noticeFrom: '2026-12-01', noticeTo: '2026-12-08', location: '社区公告栏' },
    }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  getAdoption: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  recordAdoptionMeeting: {
    request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/meetings`, payload: { heldOn: '2026-12-10', figures: { kind: 'residents', eligible: 300, attendees: 200, votesFor: 180, votesAgainst: 10, abstentions: 10 } } }),
    allowed: { status: 404, code: 'not_found' },
  },
  renoticeAdoption: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/notice`, payload: { noticeFrom: '2026-12-10', noticeTo: '2026-12-17', location: '社区公告栏' } }), allowed: { status: 404, code: 'not_found' } },
  fileAdoption: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/filing`, payload: { filedOn: '2026-12-20', filedWith: '和平里街道办事处' } }), allowed: { status: 404, code: 'not_found' } },
  withdrawAdoption: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/withdrawal`, payload: { reason: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  downloadAdoptionRecord: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/record.docx` }), allowed: { status: 404, code: 'not_found' } },
  listAdoptionComments: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/comments` }), allowed: { status: 404, code: 'not_found' } },
  issueAdoptionCommentLinks: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/comment-links`, payload: { count: 1 } }), allowed: { status: 404, code: 'not_found' } },
  answerAdoptionComment: { request: async () => ({ path: `/api/engagements/${engagementId}/adoptions/${randomUUID()}/comments/${randomUUID()}/answer`, payload: { answer: '矩阵测试' } }), allowed: { status: 404, code: 'not_found' } },
  getPublicAdoptionDraft: { request: async () => ({ path: `/api/public/adoption-comments/${'x'.repeat(32)}` }), allowed: { status: 404, code: 'not_found' } },
  submitPublicAdoptionComments: { request: async () => ({ path: `/api/public/adoption-comments/${'x'.repeat(32)}`, payload: { comments: [{ body: '矩阵测试' }] } }), allowed: { status: 404, code: 'not_found' } },
  getCaseSettings: { request: async () => ({ path: `/api/engagements/${engagementId}/case-settings` }), allowed: { status: 200 } },
  // A cancelled engagement's periods are not changed: refused after access control.
  saveCaseSettings: { request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/case-settings`, payload: { defaults: { observation: 10 }, expectedVersion: 0 } }), allowed: { status: 409, code: 'engagement_not_running' } },
  listDepartmentScorecards: { request: async () => ({ path: `/api/engagements/${engagementId}/case-scorecards` }), allowed: { status: 200 } },
  getCaseFigures: { request: async () => ({ path: `/api/engagements/${engagementId}/case-figures` }), allowed: { status: 200 } },
  listHotlineImports: { request: async () => ({ path: `/api/engagements/${engagementId}/hotline/imports` }), allowed: { status: 200 } },
  // A cancelled engagement takes no extract: refused after access control, before anything is stored.
  stageHotlineImport: {
    request: async () => ({
      path: `/api/engagements/${cancelledEngagementId}/hotline/imports`,
      multipart: multipartBody([{ name: 'file', fileName: '三月.csv', contentType: 'text/csv', content: Buffer.from('工单编号,受理时间,问题分类,所属社区\nA1,2026-03-02 09:00,违法建设,龙潭社区\n') }, { name: 'month', value: '2026-03' }]),
    }),
    allowed: { status: 409, code: 'engagement_not_running' },
  },
  getHotlineImport: { request: async () => ({ path: `/api/engagements/${engagementId}/hotline/imports/${randomUUID()}` }), allowed: { status: 404, code: 'not_found' } },
  commitHotlineImport: { request: async () => ({ path: `/api/engagements/${engagementId}/hotline/imports/${randomUUID()}/commit`, payload: { mapping: { ticketId: 0 } } }), allowed: { status: 404, code: 'not_found' } },
  getHotlineSettings: { request: async () => ({ path: `/api/engagements/${engagementId}/hotline/settings` }), allowed: { status: 200 } },
  saveHotlineSettings: { request: async () => ({ path: `/api/engagements/${cancelledEngagementId}/hotline/settings`, payload: { communities: [], campaigns: [], expectedVersion: 0 } }), allowed: { status: 409, code: 'engagement_not_running' } },
  getHotlineFigures: { request: async () => ({ path: `/api/engagements/${engagementId}/hotline/figures` }), allowed: { status: 200 } },
  downloadHotlineReport: { request: async () => ({ path: `/api/engagements/${engagementId}/hotline/report.xlsx` }), allowed: { status: 200 } },
  listNotifications: { request: async () => ({ path: '/api/notifications' }), allowed: { status: 200 } },
  markNotificationRead: {
    async request(caller) {
      const notification = await api.db.notification.create({ data: { key: randomUUID(), userId: userIdOf(caller.user ?? 'admin'), engagementId, taskId, kind: 'assigned', payload: {} } });
      return { path: `/api/notifications/${notification.id}/read` };
    },
    allowed: { status: 200 },
  },
  markAllNotificationsRead: { request: async () => ({ path: '/api/notifications/read-all' }), allowed: { status: 200 } },
  getHealth: { request: async () => ({ path: '/api/health' }), allowed: { status: 200 } },
  getReadiness: { request: async () => ({ path: '/api/ready' }), allowed: { status: 200 } },
  getMetrics: { request: async () => ({ path: '/metrics' }), allowed: { status: 200 } },
};

async function credentialsOf(caller: Caller): Promise<Credentials> {
  if (!caller.user || caller.auth === 'none') return { kind: 'none' };
  if (caller.auth === 'token') {
    // A password change (the changeMyPassword probe) revokes the user's tokens: mint another.
    const token = tokens.get(caller.user)!;
    if ((await api.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt) tokens.set(caller.user, await api.tokenFor(caller.user));
    return tokens.get(caller.user)!;
  }
  // A fresh session per case: logout and password changes revoke sessions.
  return api.sessionFor(caller.user);
}

function headersOf(credentials: Credentials, options: { csrf: boolean } = { csrf: true }): Record<string, string> {
  if (credentials.kind === 'session') return { cookie: `${SESSION_COOKIE}=${credentials.cookie}`, ...(options.csrf ? { [CSRF_HEADER]: credentials.csrfToken } : {}) };
  if (credentials.kind === 'token') return { authorization: `Bearer ${credentials.token}` };
  return {};
}

/** Sends one probe; the event stream goes over a real socket and is closed once its status is known. */
async function send(operation: Operation, caller: Caller, headers: Record<string, string>): Promise<{ status: number; code?: string; message?: string }> {
  const { path, payload, multipart } = await probes[operation.id as OperationId].request(caller);
  if (operation.responseEncoding === 'event-stream') {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}${path}`, { headers, signal: controller.signal });
    const code = response.ok ? undefined : ((await response.json()) as { error: { code: string } }).error.code;
    controller.abort();
    return { status: response.status, ...(code ? { code } : {}) };
  }
  const options: InjectOptions = {
    method: operation.method,
    url: path,
    headers: { ...headers, ...(multipart?.headers ?? {}) },
    ...(multipart ? { payload: multipart.payload } : payload !== undefined ? { payload: payload as object } : {}),
  };
  const response = await api.app.inject(options);
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  const error = response.statusCode >= 400 && isJson ? response.json<{ error: { code: string; message: string } }>().error : undefined;
  return { status: response.statusCode, ...(error ? { code: error.code, message: error.message } : {}) };
}

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  const { engagement, firstTask } = await createEngagement(api);
  engagementId = engagement.id;
  taskId = firstTask.id;
  deliverableId = firstTask.deliverable!.id;
  expect(firstTask.assigneeId).toBe(api.users[ASSIGNEE].id);
  // A submitted revision (in review), so downloads have something to serve (to everyone but the client).
  const submitted = await createEngagement(api);
  submittedEngagementId = submitted.engagement.id;
  submittedDeliverableId = submitted.firstTask.deliverable!.id;
  const upload = multipartBody([{ name: 'file', fileName: '方案.docx', contentType: DOCX_MIME, content: docxBytes('初稿') }]);
  const uploaded = await api.request(await api.sessionFor(ASSIGNEE), { method: 'POST', url: `/api/deliverables/${submittedDeliverableId}/uploads`, payload: upload.payload, headers: upload.headers });
  expect(uploaded.statusCode).toBe(201);
  const completed = await api.request(await api.sessionFor(ASSIGNEE), {
    method: 'POST',
    url: `/api/tasks/${submitted.firstTask.id}/complete`,
    payload: { formData: { background: '背景', workPlanSummary: '计划' }, file: { sha256: uploaded.json<{ sha256: string }>().sha256 } },
  });
  expect(completed.statusCode).toBe(200);
  const cancelled = await createEngagement(api);
  cancelledEngagementId = cancelled.engagement.id;
  const cancel = await api.request(await api.sessionFor('pm'), { method: 'POST', url: `/api/engagements/${cancelledEngagementId}/cancel`, payload: {} });
  expect(cancel.statusCode).toBe(200);
  targetUserId = (await api.db.user.create({ data: { username: 'matrix-target', displayName: '目标用户', passwordHash: 'scrypt$unused', roles: ['lawyer'] } })).id;
  for (const user of Object.keys(TEST_USERS) as TestUserName[]) tokens.set(user, await api.tokenFor(user));
});

afterAll(async () => {
  await api?.close();
});

/** The administrators' operations, listed by hand: a token needs the admin scope for exactly these. */
const ADMIN_ONLY: readonly OperationId[] = ['createUser', 'updateUser', 'resetUserPassword', 'getMetrics'];

describe('the permission matrix', () => {
  it('has a probe for every operation of the registry', () => {
    expect(Object.keys(probes).sort()).toEqual(operationList.map((operation) => operation.id).sort());
  });

  it.each(operationList.map((operation) => [operation.id, operation] as const))('%s answers every caller as its permission declares', async (_id, operation) => {
    const probe = probes[operation.id as OperationId];
    const mismatches: string[] = [];
    for (const caller of callers) {
      const refusal = expectedRefusal(operation, caller);
      const expected = refusal ?? probe.allowed;
      const actual = await send(operation, caller, headersOf(await credentialsOf(caller)));
      if (actual.status !== expected.status || (expected.code && actual.code !== expected.code)) {
        mismatches.push(`${caller.label}: expected ${expected.status}${expected.code ? ` ${expected.code}` : ''}, got ${actual.status} ${actual.code ?? ''}`);
      }
    }
    expect(mismatches, `${operation.method} ${operation.path}`).toEqual([]);
    // The success status is the one the contract declares.
    if (probe.allowed.status < 300) expect(probe.allowed.status).toBe(successStatusOf(operation));
  });

  it('refuses state-changing requests of a cookie session without the right CSRF token', async () => {
    const mismatches: string[] = [];
    for (const operation of operationList) {
      if (!isStateChanging(operation.method) || operation.permission.auth === 'public') continue;
      const caller: Caller = { label: 'pm', user: 'pm', auth: 'session' };
      const session = await api.sessionFor('pm');
      const missing = await send(operation, caller, headersOf(session, { csrf: false }));
      const wrong = await send(operation, caller, { ...headersOf(session, { csrf: false }), [CSRF_HEADER]: 'x'.repeat(43) });
      for (const [name, result] of [['missing', missing], ['wrong', wrong]] as const) {
        if (result.status !== 403 || result.code !== 'csrf_failed') mismatches.push(`${operation.id} (${name} token): ${result.status} ${result.code}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a read-only token everything but reads, whatever its owner may do', async () => {
    const readOnly = await api.tokenFor('admin', { scopes: ['read'] });
    const caller: Caller = { label: 'admin by read-only token', user: 'admin', auth: 'token' };
    const mismatches: string[] = [];
    for (const operation of operationList) {
      if (operation.permission.auth === 'public' || operation.permission.rules?.includes('session-only')) continue;
      const actual = await send(operation, caller, headersOf(readOnly));
      // Reads answer as for any admin token; every change is refused for the missing scope(s).
      const isAdminOnly = ADMIN_ONLY.includes(operation.id as OperationId);
      const missing = [isStateChanging(operation.method) ? '“写入”' : null, isAdminOnly ? '“管理”' : null].filter(Boolean).join('、');
      const expected = missing ? { status: 403, message: `此 API 令牌没有执行该操作的权限（需要${missing}权限）` } : (expectedRefusal(operation, caller) ?? probes[operation.id as OperationId].allowed);
      if (actual.status !== expected.status || ('message' in expected && actual.message !== expected.message)) {
        mismatches.push(`${operation.id}: expected ${JSON.stringify(expected)}, got ${actual.status} ${actual.code ?? ''} ${actual.message ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses an administrator’s token without the admin scope the administrators’ operations', async () => {
    const everyday = await api.tokenFor('admin', { scopes: ['read', 'write'] });
    for (const operation of operationList) {
      const caller: Caller = { label: 'admin by read/write token', user: 'admin', auth: 'token' };
      const actual = await send(operation, caller, headersOf(everyday));
      const isRefusedForScope = actual.status === 403 && actual.message === '此 API 令牌没有执行该操作的权限（需要“管理”权限）';
      expect(isRefusedForScope, `${operation.id}: ${actual.status} ${actual.code ?? ''}`).toBe(ADMIN_ONLY.includes(operation.id as OperationId));
    }
    const english = await api.request(everyday, { method: 'GET', url: '/metrics', headers: { 'accept-language': 'en' } });
    expect(english.json()).toMatchObject({ error: { code: 'forbidden', message: 'This API token is not allowed to do this (it needs the “admin” scope)' } });
    // Roles shared with others (listUsers: admins, PMs, partners) need no admin scope.
    expect((await api.request(everyday, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });

  it('keeps own resources own: another user’s token or notification is not found', async () => {
    const { prefix, tokenHash } = newApiTokenSecret();
    const othersToken = await api.db.apiToken.create({ data: { userId: api.users.lawyer.id, name: 'not yours', prefix, tokenHash } });
    const othersNotification = await api.db.notification.create({ data: { key: randomUUID(), userId: api.users.lawyer.id, engagementId, kind: 'assigned', payload: {} } });
    const pm = await api.sessionFor('pm');
    expect((await api.request(pm, { method: 'DELETE', url: buildPath(operations.revokeApiToken.path, { id: othersToken.id }) })).statusCode).toBe(404);
    expect((await api.request(pm, { method: 'POST', url: buildPath(operations.markNotificationRead.path, { id: othersNotification.id }) })).statusCode).toBe(404);
    expect(await api.db.apiToken.findUniqueOrThrow({ where: { id: othersToken.id } })).toMatchObject({ revokedAt: null });
    expect(await api.db.notification.findUniqueOrThrow({ where: { id: othersNotification.id } })).toMatchObject({ readAt: null });
  });

  it('treats a revoked session, a revoked or expired token and a disabled account as signed out', async () => {
    const session = await api.sessionFor('lawyer');
    await api.db.session.updateMany({ where: { userId: api.users.lawyer.id }, data: { revokedAt: new Date() } });
    expect((await api.request(session, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const { secret, prefix, tokenHash } = newApiTokenSecret();
    await api.db.apiToken.create({ data: { userId: api.users.lawyer.id, name: 'expired', prefix, tokenHash, expiresAt: new Date(Date.now() - 1000) } });
    expect((await api.request({ kind: 'token', token: secret }, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    // A malformed Authorization header never falls back to the cookie.
    const fresh = await api.sessionFor('lawyer');
    expect((await api.app.inject({ method: 'GET', url: '/api/me', headers: { ...headersOf(fresh), authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('lists only what the caller may see: members their engagements, outsiders nothing, admins everything', async () => {
    const visible = async (user: TestUserName, url: string) =>
      (await api.request(await api.sessionFor(user), { method: 'GET', url })).json<{ items: { id: string; engagement?: { id: string } }[] }>().items;
    for (const url of ['/api/engagements', '/api/tasks', '/api/deliverables']) {
      expect(await visible('outsiderPm', url), url).toEqual([]);
      expect((await visible('admin', url)).length, url).toBeGreaterThan(0);
      expect((await visible('lawyer2', url)).length, url).toBeGreaterThan(0);
    }
    expect((await visible('lawyer2', '/api/engagements')).map((item) => item.id).sort()).toEqual([engagementId, cancelledEngagementId, submittedEngagementId].sort());
    // The client's engagement has no approved deliverable yet: the client sees none.
    expect(await visible('client', '/api/deliverables')).toEqual([]);
    expect((await visible('client', `/api/tasks?engagementId=${engagementId}`)).length).toBeGreaterThan(0);
  });
});
