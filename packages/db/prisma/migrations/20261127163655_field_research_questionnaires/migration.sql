-- The questionnaire tables had no writer before this migration (nothing filled them), so columns
-- are replaced without carrying rows over.

-- CreateEnum
CREATE TYPE "questionnaire_status" AS ENUM ('open', 'closed');

-- DropIndex
DROP INDEX "questionnaire_engagement_id_key_key";

-- DropIndex
DROP INDEX "questionnaire_response_questionnaire_id_idx";

-- AlterTable
ALTER TABLE "questionnaire" DROP COLUMN "key",
ADD COLUMN     "audience" TEXT NOT NULL,
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "intro" TEXT NOT NULL,
ADD COLUMN     "status" "questionnaire_status" NOT NULL DEFAULT 'open',
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "questionnaire_response" DROP COLUMN "respondent_kind",
ADD COLUMN     "answered_on" DATE,
ADD COLUMN     "entered_by_id" UUID,
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "link_id" UUID,
ADD COLUMN     "source" TEXT NOT NULL,
ADD COLUMN     "version" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "questionnaire_version" (
    "questionnaire_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "reason" TEXT,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_version_pkey" PRIMARY KEY ("questionnaire_id","version")
);

-- CreateTable
CREATE TABLE "questionnaire_link" (
    "id" UUID NOT NULL,
    "questionnaire_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "community_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "questionnaire_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_link_token_hash_key" ON "questionnaire_link"("token_hash");

-- CreateIndex
CREATE INDEX "questionnaire_link_questionnaire_id_idx" ON "questionnaire_link"("questionnaire_id");

-- CreateIndex
CREATE INDEX "questionnaire_engagement_id_created_at_idx" ON "questionnaire"("engagement_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_response_key_key" ON "questionnaire_response"("key");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_response_link_id_key" ON "questionnaire_response"("link_id");

-- CreateIndex
CREATE INDEX "questionnaire_response_questionnaire_id_submitted_at_idx" ON "questionnaire_response"("questionnaire_id", "submitted_at");

-- AddForeignKey
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_version" ADD CONSTRAINT "questionnaire_version_questionnaire_id_fkey" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_version" ADD CONSTRAINT "questionnaire_version_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_link" ADD CONSTRAINT "questionnaire_link_questionnaire_id_fkey" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_link" ADD CONSTRAINT "questionnaire_link_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_link" ADD CONSTRAINT "questionnaire_link_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "questionnaire_link"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
