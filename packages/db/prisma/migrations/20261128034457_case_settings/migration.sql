-- CreateTable
CREATE TABLE "case_settings" (
    "engagement_id" UUID NOT NULL,
    "periods" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_settings_pkey" PRIMARY KEY ("engagement_id")
);

-- AddForeignKey
ALTER TABLE "case_settings" ADD CONSTRAINT "case_settings_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_settings" ADD CONSTRAINT "case_settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "case_settings" ADD CONSTRAINT "case_settings_version_check" CHECK ("version" >= 1);
