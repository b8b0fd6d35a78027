-- The old consultation table was never written (no code used it): it is reshaped for 会诊, one
-- workflow per consultation writing it. Any stray row could not fill the new NOT NULL columns.
DELETE FROM "consultation";

-- DropForeignKey
ALTER TABLE "consultation" DROP CONSTRAINT "consultation_department_id_fkey";

-- DropForeignKey
ALTER TABLE "consultation" DROP CONSTRAINT "consultation_requested_by_id_fkey";

-- DropIndex
DROP INDEX "consultation_engagement_id_status_idx";

-- AlterTable
ALTER TABLE "consultation" DROP COLUMN "created_at",
DROP COLUMN "department_id",
DROP COLUMN "held_on",
DROP COLUMN "kind",
DROP COLUMN "outcome",
DROP COLUMN "resolved_at",
DROP COLUMN "status",
ADD COLUMN     "concluded_at" TIMESTAMPTZ(3),
ADD COLUMN     "concluded_by_id" UUID,
ADD COLUMN     "conclusion" TEXT,
ADD COLUMN     "due_on" DATE NOT NULL,
ADD COLUMN     "holds_task" BOOLEAN NOT NULL,
ADD COLUMN     "materials" TEXT NOT NULL,
ADD COLUMN     "opened_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "search_text" TEXT NOT NULL,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by_id" UUID,
ADD COLUMN     "withdrawn_reason" TEXT,
ALTER COLUMN "question" SET NOT NULL,
ALTER COLUMN "requested_by_id" SET NOT NULL;

-- DropEnum
DROP TYPE "consultation_kind";

-- DropEnum
DROP TYPE "consultation_status";

-- CreateTable
CREATE TABLE "consultation_invitee" (
    "consultation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "consultation_invitee_pkey" PRIMARY KEY ("consultation_id","user_id")
);

-- CreateTable
CREATE TABLE "consultation_opinion" (
    "id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consultation_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "consultation_opinion_consultation_id_given_at_idx" ON "consultation_opinion"("consultation_id", "given_at");

-- CreateIndex
CREATE INDEX "consultation_engagement_id_opened_at_idx" ON "consultation"("engagement_id", "opened_at");

-- CreateIndex
CREATE INDEX "consultation_task_id_idx" ON "consultation"("task_id");

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_concluded_by_id_fkey" FOREIGN KEY ("concluded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_invitee" ADD CONSTRAINT "consultation_invitee_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_invitee" ADD CONSTRAINT "consultation_invitee_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_opinion" ADD CONSTRAINT "consultation_opinion_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_opinion" ADD CONSTRAINT "consultation_opinion_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Chinese full text over the consultation (character pairs, as the knowledge base).
CREATE INDEX "consultation_search_idx" ON "consultation" USING GIN (to_tsvector('simple', "search_text"));

-- What the contract promises, held by the table too (bounds: CONSULTATION_LIMITS in @gongzhi/domain).
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_topic_check" CHECK (char_length("topic") BETWEEN 1 AND 120);
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_question_check" CHECK (char_length("question") BETWEEN 1 AND 4000);
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_materials_check" CHECK (char_length("materials") <= 4000);
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_concluded_check" CHECK (("concluded_at" IS NULL) = ("conclusion" IS NULL));
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_withdrawn_check" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_reason" IS NULL));
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_closed_once_check" CHECK ("concluded_at" IS NULL OR "withdrawn_at" IS NULL);
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_hold_check" CHECK (NOT "holds_task" OR "task_id" IS NOT NULL);
ALTER TABLE "consultation_opinion" ADD CONSTRAINT "consultation_opinion_body_check" CHECK (char_length("body") BETWEEN 1 AND 4000);

-- The 会诊 notices (NOTIFICATION_TOPICS in @gongzhi/domain).
ALTER TYPE "notification_kind" ADD VALUE 'consultation_requested';
ALTER TYPE "notification_kind" ADD VALUE 'consultation_due';
ALTER TYPE "notification_kind" ADD VALUE 'consultation_concluded';
