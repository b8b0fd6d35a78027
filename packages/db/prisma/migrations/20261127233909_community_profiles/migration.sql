-- CreateTable
CREATE TABLE "community_profile" (
    "community_id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "details" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "community_profile_pkey" PRIMARY KEY ("community_id")
);

-- CreateIndex
CREATE INDEX "community_profile_engagement_id_idx" ON "community_profile"("engagement_id");

-- AddForeignKey
ALTER TABLE "community_profile" ADD CONSTRAINT "community_profile_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_profile" ADD CONSTRAINT "community_profile_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_profile" ADD CONSTRAINT "community_profile_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
