-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'case_supervised';

-- DropForeignKey
ALTER TABLE "case_tier_change" DROP CONSTRAINT "case_tier_change_case_id_fkey";

-- DropForeignKey
ALTER TABLE "case_tier_change" DROP CONSTRAINT "case_tier_change_changed_by_id_fkey";

-- DropForeignKey
ALTER TABLE "problem_case" DROP CONSTRAINT "problem_case_violation_entry_id_fkey";

-- AlterTable
ALTER TABLE "problem_case" DROP COLUMN "opened_at",
DROP COLUMN "violation_entry_id",
ADD COLUMN     "due_on" DATE NOT NULL,
ADD COLUMN     "periods" JSONB NOT NULL,
ADD COLUMN     "place" TEXT NOT NULL,
ADD COLUMN     "reported_on" DATE NOT NULL,
ADD COLUMN     "resolved_tier" TEXT,
ADD COLUMN     "source_problem_id" UUID,
ADD COLUMN     "step" TEXT NOT NULL,
ADD COLUMN     "step_started_on" DATE NOT NULL,
ADD COLUMN     "supervision" TEXT NOT NULL DEFAULT 'normal',
ADD COLUMN     "verified_by_id" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "violation_key" TEXT,
ALTER COLUMN "description" SET NOT NULL,
ALTER COLUMN "created_at" DROP DEFAULT;

-- DropTable
DROP TABLE "case_tier_change";

-- CreateTable
CREATE TABLE "case_event" (
    "case_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "actor_id" UUID,
    "tier" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "department_id" UUID,
    "details" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("case_id","seq")
);

-- CreateIndex
CREATE INDEX "case_event_department_id_idx" ON "case_event"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "problem_case_source_problem_id_key" ON "problem_case"("source_problem_id");

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_source_problem_id_fkey" FOREIGN KEY ("source_problem_id") REFERENCES "community_problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "problem_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Closed vocabularies kept as text (TIERS, CASE_STEPS, SUPERVISION_LEVELS, CASE_EVENT_KINDS in @gongzhi/domain).
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_step_check"
    CHECK ("step" IN ('letter', 'measures', 'observation', 'review', 'referral', 'acceptance', 'reply', 'verification', 'deferred')
       AND "supervision" IN ('normal', 'yellow', 'red')
       AND ("resolved_tier" IS NULL OR "resolved_tier" IN ('moral', 'self-governance', 'rule-of-law'))
       AND "version" >= 1 AND "due_on" >= "step_started_on");
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_check"
    CHECK ("seq" >= 1
       AND "tier" IN ('moral', 'self-governance', 'rule-of-law')
       AND "step" IN ('letter', 'measures', 'observation', 'review', 'referral', 'acceptance', 'reply', 'verification', 'deferred')
       AND "kind" IN ('reported', 'letter_published', 'visit_logged', 'measures_applied', 'mediation_recorded', 'observation_ended', 'escalated',
                      'referred', 'accepted', 'sent_back', 'replied', 'resolution_proposed', 'verified', 'verification_failed', 'deferred',
                      'resumed', 'supervised', 'withdrawn'));
