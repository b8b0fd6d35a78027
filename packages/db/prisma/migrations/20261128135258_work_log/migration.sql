-- CreateTable
CREATE TABLE "work_log_entry" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "community_id" UUID,
    "logged_by_id" UUID NOT NULL,
    "worked_on" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "activity" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "client_visible" BOOLEAN NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" UUID,
    "withdrawn_reason" TEXT,

    CONSTRAINT "work_log_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "work_log_entry_engagement_id_worked_on_idx" ON "work_log_entry"("engagement_id", "worked_on");

-- AddForeignKey
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_logged_by_id_fkey" FOREIGN KEY ("logged_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What the contract promises, held by the table too (the activities are WORK_LOG_ACTIVITIES, the bounds WORK_LOG_LIMITS in @gongzhi/domain).
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_minutes_check" CHECK ("minutes" BETWEEN 5 AND 1440);
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_activity_check" CHECK ("activity" IN ('visit', 'advice', 'lecture', 'review', 'drafting', 'mediation', 'meeting', 'other'));
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_note_check" CHECK (char_length("note") BETWEEN 1 AND 2000);
ALTER TABLE "work_log_entry" ADD CONSTRAINT "work_log_entry_withdrawn_check" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_reason" IS NULL));
