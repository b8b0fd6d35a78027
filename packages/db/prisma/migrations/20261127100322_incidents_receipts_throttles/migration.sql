-- Room for what the integrity work records: token scopes (existing tokens keep read and write),
-- sign-in throttles and known browsers, the PM's reason for standing in for a client, workflow
-- incidents (writes that failed every retry) and receipts of idempotent commands.

-- CreateEnum
CREATE TYPE "token_scope" AS ENUM ('read', 'write', 'admin');

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "scopes" "token_scope"[] DEFAULT ARRAY['read', 'write']::"token_scope"[];

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "stand_in_reason" TEXT;

-- CreateTable
CREATE TABLE "auth_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blocked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "known_device" (
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_device_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "workflow_incident" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "engagement_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,

    CONSTRAINT "workflow_incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "command_receipt" (
    "key" TEXT NOT NULL,
    "engagement_id" UUID NOT NULL,
    "task_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "command_receipt_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "auth_throttle_updated_at_idx" ON "auth_throttle"("updated_at");

-- CreateIndex
CREATE INDEX "known_device_user_id_idx" ON "known_device"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_incident_key_key" ON "workflow_incident"("key");

-- CreateIndex
CREATE INDEX "workflow_incident_engagement_id_resolved_at_idx" ON "workflow_incident"("engagement_id", "resolved_at");

-- CreateIndex
CREATE INDEX "command_receipt_engagement_id_idx" ON "command_receipt"("engagement_id");

-- AddForeignKey
ALTER TABLE "known_device" ADD CONSTRAINT "known_device_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_incident" ADD CONSTRAINT "workflow_incident_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "command_receipt" ADD CONSTRAINT "command_receipt_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Written by hand ───────────────────────────────────────────────────────────────────────
ALTER TABLE "auth_throttle" ADD CONSTRAINT "auth_throttle_failures_check" CHECK ("failures" >= 0);
