-- Uploads and revisions part ways: an upload stores a blob and who sent it; a revision is created
-- only by the engagement workflow when it accepts a submission naming the blob's SHA-256, and it
-- never changes afterwards. A review records the SHA-256 of the content it decided on.

-- CreateTable
CREATE TABLE "deliverable_upload" (
    "id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliverable_upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deliverable_upload_deliverable_id_sha256_idx" ON "deliverable_upload"("deliverable_id", "sha256");

-- CreateIndex
CREATE INDEX "deliverable_upload_deliverable_id_uploaded_at_idx" ON "deliverable_upload"("deliverable_id", "uploaded_at");

-- AddForeignKey
ALTER TABLE "deliverable_upload" ADD CONSTRAINT "deliverable_upload_deliverable_id_fkey" FOREIGN KEY ("deliverable_id") REFERENCES "deliverable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_upload" ADD CONSTRAINT "deliverable_upload_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Drafts the old upload route wrote as revision rows (numbered past the current revision, never
-- submitted) become uploads: every remaining revision row is one the workflow accepted.
INSERT INTO "deliverable_upload" ("id", "deliverable_id", "sha256", "storage_key", "file_name", "mime_type", "size_bytes", "uploaded_by_id", "uploaded_at")
SELECT r."id", r."deliverable_id", r."sha256", r."storage_key", r."file_name", r."mime_type", r."size_bytes", r."submitted_by_id", r."submitted_at"
FROM "deliverable_revision" r JOIN "deliverable" d ON d."id" = r."deliverable_id"
WHERE r."revision" > d."current_revision";
DELETE FROM "deliverable_revision" r USING "deliverable" d WHERE d."id" = r."deliverable_id" AND r."revision" > d."current_revision";

-- AlterTable: reviews so far decided on the revision as it is stored.
ALTER TABLE "review" ADD COLUMN "sha256" TEXT;
UPDATE "review" v SET "sha256" = r."sha256" FROM "deliverable_revision" r WHERE r."deliverable_id" = v."deliverable_id" AND r."revision" = v."revision";
ALTER TABLE "review" ALTER COLUMN "sha256" SET NOT NULL;

-- ─── Written by hand ───────────────────────────────────────────────────────────────────────
ALTER TABLE "deliverable_upload" ADD CONSTRAINT "deliverable_upload_check"
    CHECK ("size_bytes" >= 0 AND "sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "review" ADD CONSTRAINT "review_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

-- What a partner approved is what the client downloads: a submitted revision is never rewritten
-- or removed, through any connection. Only deleting its whole deliverable (a cascade, one trigger
-- level down) takes it away.
CREATE FUNCTION "deliverable_revision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'deliverable_revision is immutable: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Submit a new revision instead.';
END;
$$;

CREATE TRIGGER "deliverable_revision_immutable"
    BEFORE UPDATE OR DELETE ON "deliverable_revision"
    FOR EACH ROW EXECUTE FUNCTION "deliverable_revision_immutable"();

-- An upload records what was received; it is never edited.
CREATE FUNCTION "deliverable_upload_insert_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'deliverable_upload is insert-only: UPDATE is not allowed'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "deliverable_upload_insert_only"
    BEFORE UPDATE ON "deliverable_upload"
    FOR EACH ROW EXECUTE FUNCTION "deliverable_upload_insert_only"();
