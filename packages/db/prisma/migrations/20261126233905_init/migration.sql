-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'partner', 'pm', 'lawyer', 'client');

-- CreateEnum
CREATE TYPE "client_kind" AS ENUM ('street', 'township');

-- CreateEnum
CREATE TYPE "engagement_status" AS ENUM ('running', 'paused', 'completed', 'cancelled', 'failed');

-- CreateEnum
CREATE TYPE "stage_status" AS ENUM ('pending', 'active', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "task_scope" AS ENUM ('engagement', 'community', 'department');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('pending', 'active', 'in_review', 'changes_requested', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "deliverable_kind" AS ENUM ('docx', 'xlsx', 'pptx', 'pdf', 'any');

-- CreateEnum
CREATE TYPE "deliverable_status" AS ENUM ('draft', 'submitted', 'changes_requested', 'approved');

-- CreateEnum
CREATE TYPE "review_decision" AS ENUM ('approved', 'changes_requested');

-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('assigned', 'reassigned', 'reminder', 'overdue', 'escalation', 'review_requested', 'changes_requested', 'approved', 'stage_opened', 'stage_completed', 'engagement_paused', 'engagement_resumed', 'engagement_completed', 'engagement_cancelled', 'consultation_requested', 'case_reported', 'case_escalated');

-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('open', 'resolved', 'withdrawn');

-- CreateEnum
CREATE TYPE "convention_status" AS ENUM ('drafting', 'noticed', 'voted', 'adopted', 'rejected', 'filed');

-- CreateEnum
CREATE TYPE "consultation_kind" AS ENUM ('department', 'team');

-- CreateEnum
CREATE TYPE "consultation_status" AS ENUM ('open', 'answered', 'closed');

-- CreateEnum
CREATE TYPE "promotion_kind" AS ENUM ('launch_ceremony', 'knowledge_contest', 'art_performance', 'cadre_forum', 'publicity');

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT,
    "password_hash" TEXT NOT NULL,
    "roles" "role"[],
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "csrf_token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_agent" TEXT,
    "ip" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engagement" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "client_name" TEXT NOT NULL,
    "client_kind" "client_kind" NOT NULL,
    "template_key" TEXT NOT NULL,
    "template_version" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "status" "engagement_status" NOT NULL DEFAULT 'running',
    "workflow_id" TEXT NOT NULL,
    "workflow_started_at" TIMESTAMPTZ(3),
    "plan" JSONB NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "engagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engagement_member" (
    "engagement_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engagement_member_pkey" PRIMARY KEY ("engagement_id","user_id")
);

-- CreateTable
CREATE TABLE "community" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "households" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stage" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "status" "stage_status" NOT NULL DEFAULT 'pending',
    "planned_start" DATE NOT NULL,
    "planned_end" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "stage_key" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "template_task_key" TEXT NOT NULL,
    "scope" "task_scope" NOT NULL,
    "community_key" TEXT,
    "department_key" TEXT,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "assignee_id" UUID NOT NULL,
    "status" "task_status" NOT NULL DEFAULT 'pending',
    "due_date" DATE NOT NULL,
    "reminder_date" DATE NOT NULL,
    "escalation_date" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "completed_by_id" UUID,
    "form_data" JSONB,
    "workflow_id" TEXT NOT NULL,
    "is_gate" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliverable" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "kind" "deliverable_kind" NOT NULL,
    "requires_review" BOOLEAN NOT NULL,
    "status" "deliverable_status" NOT NULL DEFAULT 'draft',
    "current_revision" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deliverable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliverable_revision" (
    "id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "submitted_by_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "deliverable_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "decision" "review_decision" NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "engagement_id" UUID,
    "task_id" UUID,
    "kind" "notification_kind" NOT NULL,
    "payload" JSONB NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "engagement_id" UUID,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legal_basis" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "article" TEXT,
    "text" TEXT,
    "source_keys" TEXT[],
    "has_unverified" BOOLEAN NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "legal_basis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "violation" (
    "id" UUID NOT NULL,
    "catalogue_no" INTEGER NOT NULL,
    "problem" TEXT NOT NULL,
    "enforcer" TEXT NOT NULL,
    "legal_basis_text" TEXT NOT NULL,
    "source_keys" TEXT[],
    "has_unverified" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "violation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "violation_legal_basis" (
    "violation_id" UUID NOT NULL,
    "legal_basis_id" UUID NOT NULL,

    CONSTRAINT "violation_legal_basis_pkey" PRIMARY KEY ("violation_id","legal_basis_id")
);

-- CreateTable
CREATE TABLE "government_power" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "legal_basis_text" TEXT NOT NULL,
    "process" JSONB,
    "has_unverified" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "government_power_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "generated_document" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "generated_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire_response" (
    "id" UUID NOT NULL,
    "questionnaire_id" UUID NOT NULL,
    "community_id" UUID,
    "respondent_kind" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_case" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "tier" TEXT NOT NULL DEFAULT 'moral',
    "status" "case_status" NOT NULL DEFAULT 'open',
    "reported_by_id" UUID NOT NULL,
    "violation_id" UUID,
    "referred_department_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "problem_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_tier_change" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "from_tier" TEXT,
    "to_tier" TEXT NOT NULL,
    "reason" TEXT,
    "changed_by_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_tier_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "convention_adoption" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "convention_status" NOT NULL DEFAULT 'drafting',
    "notice_posted_on" DATE,
    "notice_ends_on" DATE,
    "meeting_held_on" DATE,
    "eligible" INTEGER,
    "attendees" INTEGER,
    "votes_for" INTEGER,
    "votes_against" INTEGER,
    "abstentions" INTEGER,
    "adopted_at" TIMESTAMPTZ(3),
    "filed_at" TIMESTAMPTZ(3),
    "filing_no" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "convention_adoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "kind" "consultation_kind" NOT NULL,
    "status" "consultation_status" NOT NULL DEFAULT 'open',
    "department_id" UUID,
    "task_id" UUID,
    "topic" TEXT NOT NULL,
    "question" TEXT,
    "outcome" TEXT,
    "held_on" DATE,
    "requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_event" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "community_id" UUID,
    "kind" "promotion_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "participants" INTEGER,
    "note" TEXT,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "engagement_workflow_id_key" ON "engagement"("workflow_id");

-- CreateIndex
CREATE INDEX "engagement_status_idx" ON "engagement"("status");

-- CreateIndex
CREATE INDEX "engagement_member_user_id_idx" ON "engagement_member"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "community_engagement_id_key_key" ON "community"("engagement_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "department_engagement_id_key_key" ON "department"("engagement_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "stage_engagement_id_key_key" ON "stage"("engagement_id", "key");

-- CreateIndex
CREATE INDEX "task_assignee_id_status_due_date_idx" ON "task"("assignee_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "task_engagement_id_stage_key_idx" ON "task"("engagement_id", "stage_key");

-- CreateIndex
CREATE INDEX "task_status_due_date_idx" ON "task"("status", "due_date");

-- CreateIndex
CREATE UNIQUE INDEX "task_engagement_id_key_key" ON "task"("engagement_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "deliverable_task_id_key" ON "deliverable"("task_id");

-- CreateIndex
CREATE UNIQUE INDEX "deliverable_engagement_id_key_key" ON "deliverable"("engagement_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "deliverable_revision_deliverable_id_revision_key" ON "deliverable_revision"("deliverable_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "review_key_key" ON "review"("key");

-- CreateIndex
CREATE INDEX "review_reviewer_id_created_at_idx" ON "review"("reviewer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "review_deliverable_id_revision_key" ON "review"("deliverable_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "notification_key_key" ON "notification"("key");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_created_at_idx" ON "notification"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_key_key" ON "audit_event"("key");

-- CreateIndex
CREATE INDEX "audit_event_engagement_id_at_idx" ON "audit_event"("engagement_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "legal_basis_key_key" ON "legal_basis"("key");

-- CreateIndex
CREATE UNIQUE INDEX "violation_catalogue_no_key" ON "violation"("catalogue_no");

-- CreateIndex
CREATE INDEX "violation_legal_basis_legal_basis_id_idx" ON "violation_legal_basis"("legal_basis_id");

-- CreateIndex
CREATE UNIQUE INDEX "government_power_engagement_id_key_key" ON "government_power"("engagement_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "generated_document_key_key" ON "generated_document"("key");

-- CreateIndex
CREATE INDEX "generated_document_engagement_id_kind_idx" ON "generated_document"("engagement_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_engagement_id_key_key" ON "questionnaire"("engagement_id", "key");

-- CreateIndex
CREATE INDEX "questionnaire_response_questionnaire_id_idx" ON "questionnaire_response"("questionnaire_id");

-- CreateIndex
CREATE INDEX "problem_case_engagement_id_status_idx" ON "problem_case"("engagement_id", "status");

-- CreateIndex
CREATE INDEX "problem_case_community_id_idx" ON "problem_case"("community_id");

-- CreateIndex
CREATE INDEX "case_tier_change_case_id_changed_at_idx" ON "case_tier_change"("case_id", "changed_at");

-- CreateIndex
CREATE INDEX "convention_adoption_engagement_id_idx" ON "convention_adoption"("engagement_id");

-- CreateIndex
CREATE INDEX "convention_adoption_community_id_idx" ON "convention_adoption"("community_id");

-- CreateIndex
CREATE INDEX "consultation_engagement_id_status_idx" ON "consultation"("engagement_id", "status");

-- CreateIndex
CREATE INDEX "promotion_event_engagement_id_held_on_idx" ON "promotion_event"("engagement_id", "held_on");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement" ADD CONSTRAINT "engagement_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_member" ADD CONSTRAINT "engagement_member_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_member" ADD CONSTRAINT "engagement_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community" ADD CONSTRAINT "community_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage" ADD CONSTRAINT "stage_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_engagement_id_stage_key_fkey" FOREIGN KEY ("engagement_id", "stage_key") REFERENCES "stage"("engagement_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_engagement_id_community_key_fkey" FOREIGN KEY ("engagement_id", "community_key") REFERENCES "community"("engagement_id", "key") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_engagement_id_department_key_fkey" FOREIGN KEY ("engagement_id", "department_key") REFERENCES "department"("engagement_id", "key") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_completed_by_id_fkey" FOREIGN KEY ("completed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable" ADD CONSTRAINT "deliverable_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable" ADD CONSTRAINT "deliverable_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_revision" ADD CONSTRAINT "deliverable_revision_deliverable_id_fkey" FOREIGN KEY ("deliverable_id") REFERENCES "deliverable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_revision" ADD CONSTRAINT "deliverable_revision_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_deliverable_id_revision_fkey" FOREIGN KEY ("deliverable_id", "revision") REFERENCES "deliverable_revision"("deliverable_id", "revision") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "violation_legal_basis" ADD CONSTRAINT "violation_legal_basis_violation_id_fkey" FOREIGN KEY ("violation_id") REFERENCES "violation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "violation_legal_basis" ADD CONSTRAINT "violation_legal_basis_legal_basis_id_fkey" FOREIGN KEY ("legal_basis_id") REFERENCES "legal_basis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "government_power" ADD CONSTRAINT "government_power_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_questionnaire_id_fkey" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_violation_id_fkey" FOREIGN KEY ("violation_id") REFERENCES "violation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_referred_department_id_fkey" FOREIGN KEY ("referred_department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_tier_change" ADD CONSTRAINT "case_tier_change_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "problem_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_tier_change" ADD CONSTRAINT "case_tier_change_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event" ADD CONSTRAINT "promotion_event_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event" ADD CONSTRAINT "promotion_event_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event" ADD CONSTRAINT "promotion_event_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Written by hand: invariants Prisma's schema language cannot express ───────────────────
-- (Prisma's diff ignores CHECK constraints, functions and triggers, so they stay out of the
-- schema-vs-migrations comparison.)

-- The audit log is append-only: history cannot be rewritten through any connection, whatever
-- the application code does. Correcting an event means appending another.
CREATE FUNCTION "audit_event_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a new event instead of changing or removing one.';
END;
$$;

CREATE TRIGGER "audit_event_append_only"
    BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_reject_change"();

CREATE TRIGGER "audit_event_no_truncate"
    BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_reject_change"();

-- Closed vocabularies kept as text so the stored words are the domain's words.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IN ('zh-CN', 'en'));
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_tier_check"
    CHECK ("tier" IN ('moral', 'self-governance', 'rule-of-law'));
ALTER TABLE "case_tier_change" ADD CONSTRAINT "case_tier_change_tier_check"
    CHECK ("to_tier" IN ('moral', 'self-governance', 'rule-of-law')
       AND ("from_tier" IS NULL OR "from_tier" IN ('moral', 'self-governance', 'rule-of-law')));

-- A task names a community exactly when it is per-community work, a department exactly when
-- it is per-department work.
ALTER TABLE "task" ADD CONSTRAINT "task_scope_check"
    CHECK ((("scope" = 'community') = ("community_key" IS NOT NULL))
       AND (("scope" = 'department') = ("department_key" IS NOT NULL)));

-- Revisions count from 1; the current revision is 0 before the first upload.
ALTER TABLE "deliverable" ADD CONSTRAINT "deliverable_current_revision_check" CHECK ("current_revision" >= 0);
ALTER TABLE "deliverable_revision" ADD CONSTRAINT "deliverable_revision_check"
    CHECK ("revision" >= 1 AND "size_bytes" >= 0 AND "sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_check"
    CHECK ("size_bytes" >= 0 AND "sha256" ~ '^[0-9a-f]{64}$');

-- Vote records are counts.
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_counts_check"
    CHECK ("eligible" >= 0 AND "attendees" >= 0 AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0);
ALTER TABLE "community" ADD CONSTRAINT "community_households_check" CHECK ("households" >= 0);
ALTER TABLE "promotion_event" ADD CONSTRAINT "promotion_event_participants_check" CHECK ("participants" >= 0);
