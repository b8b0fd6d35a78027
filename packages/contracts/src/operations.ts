import { changeMyPassword, createApiToken, getMe, listApiTokens, login, logout, revokeApiToken, updateMe } from './auth';
import {
  downloadDeliverableRevision,
  downloadDeliverableRevisionPdf,
  downloadGeneratedDocument,
  generateDeliverableDocument,
  getDeliverable,
  listDeliverables,
  reviewDeliverable,
  uploadDeliverableFile,
} from './deliverables';
import { listEngagementAudit } from './audit';
import {
  cancelEngagement,
  retryEngagement,
  createEngagement,
  getEngagement,
  listEngagements,
  pauseEngagement,
  resumeEngagement,
  updateEngagement,
} from './engagements';
import { streamEngagementEvents } from './events';
import {
  adaptEngagementKnowledge,
  createKnowledgeEntry,
  getEngagementKnowledge,
  getKnowledgeEntry,
  getKnowledgeVersion,
  listEngagementKnowledge,
  listKnowledge,
  listKnowledgeVersions,
  reviseKnowledgeEntry,
  takeEngagementKnowledge,
} from './knowledge';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications';
import { type Operation } from './operation';
import {
  closeQuestionnaire,
  createQuestionnaire,
  getPublicQuestionnaire,
  getQuestionnaire,
  exportQuestionnaireResults,
  issueQuestionnaireLinks,
  listQuestionnaires,
  recordQuestionnaireResponse,
  reviseQuestionnaire,
  submitPublicQuestionnaire,
  listResearchSessions,
  recordResearchSession,
  getResearchSession,
  reviseResearchSession,
  listCommunityProblems,
  listCommunityProfiles,
  saveCommunityProfile,
  tagCommunityProblem,
} from './research';
import { actOnCase, downloadCaseReferralLetter, getCase, getCaseSettings, listCases, listDepartmentScorecards, reportCase, saveCaseSettings } from './cases';
import { getHealth, getMetrics, getReadiness } from './system';
import { assignTask, completeTask, getTask, listTasks } from './tasks';
import { getTemplate, listTemplates } from './templates';
import { createUser, listUsers, resetUserPassword, updateUser } from './users';

/**
 * Every API operation, by id. The API registers one route per entry, the client gets one
 * method per entry, the permission-matrix test walks them all; nothing else lists routes.
 */
export const operations = {
  login,
  logout,
  getMe,
  updateMe,
  changeMyPassword,
  listApiTokens,
  createApiToken,
  revokeApiToken,
  listUsers,
  createUser,
  updateUser,
  resetUserPassword,
  listEngagements,
  createEngagement,
  getEngagement,
  updateEngagement,
  pauseEngagement,
  resumeEngagement,
  cancelEngagement,
  retryEngagement,
  listEngagementAudit,
  streamEngagementEvents,
  listTemplates,
  getTemplate,
  listTasks,
  getTask,
  completeTask,
  assignTask,
  listDeliverables,
  getDeliverable,
  uploadDeliverableFile,
  downloadDeliverableRevision,
  downloadDeliverableRevisionPdf,
  reviewDeliverable,
  generateDeliverableDocument,
  downloadGeneratedDocument,
  listKnowledge,
  getKnowledgeEntry,
  createKnowledgeEntry,
  reviseKnowledgeEntry,
  listKnowledgeVersions,
  getKnowledgeVersion,
  listEngagementKnowledge,
  getEngagementKnowledge,
  adaptEngagementKnowledge,
  takeEngagementKnowledge,
  listQuestionnaires,
  createQuestionnaire,
  getQuestionnaire,
  exportQuestionnaireResults,
  reviseQuestionnaire,
  closeQuestionnaire,
  issueQuestionnaireLinks,
  recordQuestionnaireResponse,
  getPublicQuestionnaire,
  submitPublicQuestionnaire,
  listResearchSessions,
  recordResearchSession,
  getResearchSession,
  reviseResearchSession,
  listCommunityProblems,
  tagCommunityProblem,
  listCommunityProfiles,
  saveCommunityProfile,
  listCases,
  reportCase,
  getCase,
  actOnCase,
  downloadCaseReferralLetter,
  listDepartmentScorecards,
  getCaseSettings,
  saveCaseSettings,
  listNotifications,
  markNotificationRead,
  markAllNotificationsRead,
  getHealth,
  getReadiness,
  getMetrics,
} as const;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

export const operationList: readonly Operation[] = Object.values(operations);
