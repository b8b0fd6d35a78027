-- The statuses and notification kinds become the domain's vocabulary (ENGAGEMENT_STATUSES,
-- NOTIFICATION_KINDS in @gongzhi/domain). Nothing ever wrote `failed` or the dropped kinds; a row
-- that somehow holds one is carried over rather than left to fail the cast.
UPDATE "engagement" SET "status" = 'cancelled' WHERE "status"::text = 'failed';
DELETE FROM "notification" WHERE "kind"::text NOT IN ('assigned', 'reassigned', 'reminder', 'overdue', 'escalation', 'review_requested', 'changes_requested', 'approved');

-- AlterEnum
BEGIN;
CREATE TYPE "engagement_status_new" AS ENUM ('running', 'paused', 'completed', 'cancelled');
ALTER TABLE "public"."engagement" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "engagement" ALTER COLUMN "status" TYPE "engagement_status_new" USING ("status"::text::"engagement_status_new");
ALTER TYPE "engagement_status" RENAME TO "engagement_status_old";
ALTER TYPE "engagement_status_new" RENAME TO "engagement_status";
DROP TYPE "public"."engagement_status_old";
ALTER TABLE "engagement" ALTER COLUMN "status" SET DEFAULT 'running';
COMMIT;

-- AlterEnum
BEGIN;
CREATE TYPE "notification_kind_new" AS ENUM ('assigned', 'reassigned', 'reminder', 'overdue', 'escalation', 'review_requested', 'changes_requested', 'approved', 'needs_attention');
ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "notification_kind_new" USING ("kind"::text::"notification_kind_new");
ALTER TYPE "notification_kind" RENAME TO "notification_kind_old";
ALTER TYPE "notification_kind_new" RENAME TO "notification_kind";
DROP TYPE "public"."notification_kind_old";
COMMIT;
