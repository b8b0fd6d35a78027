// Compile-time proof that the database enums say exactly what @gongzhi/domain declares: adding a
// status on one side only fails `tsc` here, before any row could carry a word the code does not know.
import {
  type ClientKind as DomainClientKind,
  type DeliverableStatus as DomainDeliverableStatus,
  type EngagementStatus as DomainEngagementStatus,
  type GenerationStatus as DomainGenerationStatus,
  type KnowledgeKind as DomainKnowledgeKind,
  type NotificationKind as DomainNotificationKind,
  type QuestionnaireStatus as DomainQuestionnaireStatus,
  type ReviewOutcome,
  type Role as DomainRole,
  type StageStatus as DomainStageStatus,
  type TaskStatus as DomainTaskStatus,
  type TokenScope as DomainTokenScope,
} from '@gongzhi/domain';
import {
  type ClientKind,
  type DeliverableStatus,
  type EngagementStatus,
  type GenerationStatus,
  type KnowledgeKind,
  type NotificationKind,
  type QuestionnaireStatus,
  type ReviewDecision,
  type Role,
  type StageStatus,
  type TaskStatus,
  type TokenScope,
} from './generated/prisma/enums';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const vocabularyProofs: [
  Same<EngagementStatus, DomainEngagementStatus>,
  Same<StageStatus, DomainStageStatus>,
  Same<TaskStatus, DomainTaskStatus>,
  Same<DeliverableStatus, DomainDeliverableStatus>,
  Same<ReviewDecision, ReviewOutcome>,
  Same<NotificationKind, DomainNotificationKind>,
  Same<ClientKind, DomainClientKind>,
  Same<Role, DomainRole>,
  Same<TokenScope, DomainTokenScope>,
  Same<KnowledgeKind, DomainKnowledgeKind>,
  Same<GenerationStatus, DomainGenerationStatus>,
  Same<QuestionnaireStatus, DomainQuestionnaireStatus>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
