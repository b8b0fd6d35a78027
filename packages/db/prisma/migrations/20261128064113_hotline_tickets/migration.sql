-- CreateTable
CREATE TABLE "hotline_import" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "sample" JSONB NOT NULL,
    "row_count" INTEGER NOT NULL,
    "suggested_mapping" JSONB NOT NULL,
    "mapping" JSONB,
    "ticket_count" INTEGER,
    "staged_by_id" UUID NOT NULL,
    "staged_at" TIMESTAMPTZ(3) NOT NULL,
    "imported_by_id" UUID,
    "imported_at" TIMESTAMPTZ(3),
    "request_key" TEXT,
    "request_hash" TEXT,

    CONSTRAINT "hotline_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hotline_ticket" (
    "engagement_id" UUID NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "import_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "category" TEXT NOT NULL,
    "community" TEXT,
    "address" TEXT,
    "handling_unit" TEXT,
    "result" TEXT,
    "responded" BOOLEAN,
    "resolved" BOOLEAN,
    "satisfaction" TEXT,

    CONSTRAINT "hotline_ticket_pkey" PRIMARY KEY ("engagement_id","ticket_id")
);

-- CreateTable
CREATE TABLE "hotline_settings" (
    "engagement_id" UUID NOT NULL,
    "communities" JSONB NOT NULL,
    "campaigns" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hotline_settings_pkey" PRIMARY KEY ("engagement_id")
);

-- CreateIndex
CREATE INDEX "hotline_import_engagement_id_month_idx" ON "hotline_import"("engagement_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "hotline_import_engagement_id_request_key_key" ON "hotline_import"("engagement_id", "request_key");

-- CreateIndex
CREATE INDEX "hotline_ticket_engagement_id_month_idx" ON "hotline_ticket"("engagement_id", "month");

-- CreateIndex
CREATE INDEX "hotline_ticket_import_id_idx" ON "hotline_ticket"("import_id");

-- AddForeignKey
ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_staged_by_id_fkey" FOREIGN KEY ("staged_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_ticket" ADD CONSTRAINT "hotline_ticket_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "hotline_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_settings" ADD CONSTRAINT "hotline_settings_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_settings" ADD CONSTRAINT "hotline_settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_status_check" CHECK ("status" IN ('staged', 'imported', 'superseded'));
ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_imported_check" CHECK (("status" = 'staged') = ("imported_at" IS NULL) AND ("imported_at" IS NULL) = ("ticket_count" IS NULL));
ALTER TABLE "hotline_ticket" ADD CONSTRAINT "hotline_ticket_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "hotline_ticket" ADD CONSTRAINT "hotline_ticket_satisfaction_check" CHECK ("satisfaction" IN ('satisfied', 'basic', 'unsatisfied'));
ALTER TABLE "hotline_settings" ADD CONSTRAINT "hotline_settings_version_check" CHECK ("version" >= 1);
