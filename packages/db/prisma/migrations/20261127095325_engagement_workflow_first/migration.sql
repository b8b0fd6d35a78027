-- The engagement workflow starts first and writes its own projection, so there is no "written but
-- not started" state left to track; a create request's hash guards its idempotency key.
ALTER TABLE "engagement" DROP COLUMN "workflow_started_at",
ADD COLUMN     "request_hash" TEXT;

ALTER TABLE "engagement" ADD CONSTRAINT "engagement_request_hash_check" CHECK ("request_hash" IS NULL OR "request_hash" ~ '^[0-9a-f]{64}$');
