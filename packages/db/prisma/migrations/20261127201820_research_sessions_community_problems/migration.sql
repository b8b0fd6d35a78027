-- CreateTable
CREATE TABLE "research_session" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "community_id" UUID,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "participants" TEXT NOT NULL,
    "headcount" INTEGER,
    "notes" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "research_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community_problem" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "community_id" UUID,
    "description" TEXT NOT NULL,
    "violation_key" TEXT,
    "outside_catalogue" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "tagged_by_id" UUID,
    "tagged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "community_problem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "research_session_engagement_id_held_on_idx" ON "research_session"("engagement_id", "held_on");

-- CreateIndex
CREATE INDEX "community_problem_engagement_id_violation_key_idx" ON "community_problem"("engagement_id", "violation_key");

-- AddForeignKey
ALTER TABLE "research_session" ADD CONSTRAINT "research_session_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "research_session" ADD CONSTRAINT "research_session_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "research_session" ADD CONSTRAINT "research_session_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_problem" ADD CONSTRAINT "community_problem_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_problem" ADD CONSTRAINT "community_problem_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "research_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_problem" ADD CONSTRAINT "community_problem_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_problem" ADD CONSTRAINT "community_problem_tagged_by_id_fkey" FOREIGN KEY ("tagged_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
