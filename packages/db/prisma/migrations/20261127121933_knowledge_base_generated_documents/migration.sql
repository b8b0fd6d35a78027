-- CreateEnum
CREATE TYPE "knowledge_kind" AS ENUM ('source', 'law', 'violation', 'power', 'template');

-- CreateEnum
CREATE TYPE "generation_status" AS ENUM ('running', 'done', 'failed');

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'knowledge_changed';

-- DropForeignKey
ALTER TABLE "government_power" DROP CONSTRAINT "government_power_engagement_id_fkey";

-- DropForeignKey
ALTER TABLE "problem_case" DROP CONSTRAINT "problem_case_violation_id_fkey";

-- DropForeignKey
ALTER TABLE "violation_legal_basis" DROP CONSTRAINT "violation_legal_basis_legal_basis_id_fkey";

-- DropForeignKey
ALTER TABLE "violation_legal_basis" DROP CONSTRAINT "violation_legal_basis_violation_id_fkey";

-- AlterTable
ALTER TABLE "generated_document" ADD COLUMN     "deliverable_id" UUID,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "format" TEXT NOT NULL,
ADD COLUMN     "progress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status" "generation_status" NOT NULL DEFAULT 'running',
ADD COLUMN     "step" TEXT,
ADD COLUMN     "upload_id" UUID,
ALTER COLUMN "file_name" DROP NOT NULL,
ALTER COLUMN "mime_type" DROP NOT NULL,
ALTER COLUMN "storage_key" DROP NOT NULL,
ALTER COLUMN "sha256" DROP NOT NULL,
ALTER COLUMN "size_bytes" DROP NOT NULL;

-- AlterTable
ALTER TABLE "problem_case" DROP COLUMN "violation_id",
ADD COLUMN     "violation_entry_id" UUID;

-- DropTable
DROP TABLE "government_power";

-- DropTable
DROP TABLE "legal_basis";

-- DropTable
DROP TABLE "violation";

-- DropTable
DROP TABLE "violation_legal_basis";

-- CreateTable
CREATE TABLE "knowledge_entry" (
    "id" UUID NOT NULL,
    "kind" "knowledge_kind" NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "unverified" BOOLEAN NOT NULL,
    "search_text" TEXT NOT NULL,
    "built_in_fingerprint" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "knowledge_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_version" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "unverified" BOOLEAN NOT NULL,
    "author_id" UUID,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "knowledge_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "engagement_knowledge" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "base_version" INTEGER NOT NULL,
    "adapted_content" JSONB,
    "adapted_title" TEXT,
    "adapted_reason" TEXT,
    "adapted_by_id" UUID,
    "adapted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "engagement_knowledge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "knowledge_entry_kind_position_idx" ON "knowledge_entry"("kind", "position");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_entry_kind_key_key" ON "knowledge_entry"("kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_version_entry_id_version_key" ON "knowledge_version"("entry_id", "version");

-- CreateIndex
CREATE INDEX "engagement_knowledge_entry_id_idx" ON "engagement_knowledge"("entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "engagement_knowledge_engagement_id_entry_id_key" ON "engagement_knowledge"("engagement_id", "entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "generated_document_upload_id_key" ON "generated_document"("upload_id");

-- CreateIndex
CREATE INDEX "generated_document_deliverable_id_created_at_idx" ON "generated_document"("deliverable_id", "created_at");

-- AddForeignKey
ALTER TABLE "knowledge_version" ADD CONSTRAINT "knowledge_version_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "knowledge_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_version" ADD CONSTRAINT "knowledge_version_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_knowledge" ADD CONSTRAINT "engagement_knowledge_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_knowledge" ADD CONSTRAINT "engagement_knowledge_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "knowledge_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engagement_knowledge" ADD CONSTRAINT "engagement_knowledge_adapted_by_id_fkey" FOREIGN KEY ("adapted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_deliverable_id_fkey" FOREIGN KEY ("deliverable_id") REFERENCES "deliverable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "deliverable_upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_violation_entry_id_fkey" FOREIGN KEY ("violation_entry_id") REFERENCES "knowledge_entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Chinese full-text search: the application writes words and overlapping character pairs into
-- search_text (searchTokens in @gongzhi/domain); 'simple' keeps them as they are.
CREATE INDEX "knowledge_entry_search_idx" ON "knowledge_entry" USING GIN (to_tsvector('simple', "search_text"));

ALTER TABLE "knowledge_entry" ADD CONSTRAINT "knowledge_entry_version_check" CHECK ("version" >= 1);
ALTER TABLE "knowledge_version" ADD CONSTRAINT "knowledge_version_version_check" CHECK ("version" >= 1);
ALTER TABLE "engagement_knowledge" ADD CONSTRAINT "engagement_knowledge_base_version_check" CHECK ("base_version" >= 1);
ALTER TABLE "engagement_knowledge" ADD CONSTRAINT "engagement_knowledge_adapted_check"
    CHECK (("adapted_content" IS NULL) = ("adapted_at" IS NULL));

-- Every version of the firm's knowledge is kept as it was written.
CREATE FUNCTION "knowledge_version_insert_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'knowledge_version is insert-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "knowledge_version_insert_only"
    BEFORE UPDATE OR DELETE ON "knowledge_version"
    FOR EACH ROW EXECUTE FUNCTION "knowledge_version_insert_only"();

ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_format_check" CHECK ("format" IN ('docx', 'xlsx', 'pdf'));
-- A finished document has its file; a failed one says why.
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_done_check"
    CHECK ("status" <> 'done' OR ("sha256" IS NOT NULL AND "storage_key" IS NOT NULL AND "file_name" IS NOT NULL AND "mime_type" IS NOT NULL AND "size_bytes" IS NOT NULL));
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_failed_check" CHECK ("status" <> 'failed' OR "error" IS NOT NULL);
