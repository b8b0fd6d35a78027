-- The old convention_adoption table was never written (no code used it): it is reshaped for the
-- democratic-adoption procedure, one workflow per adoption writing it. Any stray row could not
-- fill the new NOT NULL columns.
DELETE FROM "convention_adoption";

-- DropIndex
DROP INDEX "convention_adoption_engagement_id_idx";

-- AlterTable
ALTER TABLE "convention_adoption" DROP COLUMN "abstentions",
DROP COLUMN "adopted_at",
DROP COLUMN "attendees",
DROP COLUMN "created_at",
DROP COLUMN "eligible",
DROP COLUMN "filed_at",
DROP COLUMN "meeting_held_on",
DROP COLUMN "notice_ends_on",
DROP COLUMN "notice_posted_on",
DROP COLUMN "votes_against",
DROP COLUMN "votes_for",
ADD COLUMN     "adopted_meeting_id" UUID,
ADD COLUMN     "filed_by_id" UUID,
ADD COLUMN     "filed_on" DATE,
ADD COLUMN     "filed_with" TEXT,
ADD COLUMN     "instrument" TEXT NOT NULL,
ADD COLUMN     "matter" TEXT,
ADD COLUMN     "notice_from" DATE NOT NULL,
ADD COLUMN     "notice_location" TEXT NOT NULL,
ADD COLUMN     "notice_round" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "notice_to" DATE NOT NULL,
ADD COLUMN     "opened_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "opened_by_id" UUID NOT NULL,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by_id" UUID,
ADD COLUMN     "withdrawn_reason" TEXT,
DROP COLUMN "status",
ADD COLUMN     "status" TEXT NOT NULL;

-- DropEnum
DROP TYPE "convention_status";

-- CreateTable
CREATE TABLE "adoption_meeting" (
    "id" UUID NOT NULL,
    "adoption_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "held_on" DATE NOT NULL,
    "figures" JSONB NOT NULL,
    "verdict" TEXT NOT NULL,
    "explanation_zh" TEXT NOT NULL,
    "explanation_en" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "adoption_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "adoption_meeting_adoption_id_position_key" ON "adoption_meeting"("adoption_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "convention_adoption_adopted_meeting_id_key" ON "convention_adoption"("adopted_meeting_id");

-- CreateIndex
CREATE INDEX "convention_adoption_engagement_id_opened_at_idx" ON "convention_adoption"("engagement_id", "opened_at");

-- AddForeignKey
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_opened_by_id_fkey" FOREIGN KEY ("opened_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_filed_by_id_fkey" FOREIGN KEY ("filed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_adopted_meeting_id_fkey" FOREIGN KEY ("adopted_meeting_id") REFERENCES "adoption_meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adoption_meeting" ADD CONSTRAINT "adoption_meeting_adoption_id_fkey" FOREIGN KEY ("adoption_id") REFERENCES "convention_adoption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adoption_meeting" ADD CONSTRAINT "adoption_meeting_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The domain's lists and bounds (packages/domain/src/adoption.ts), so that no other writer can
-- store what the procedure would refuse.
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_instrument_check" CHECK ("instrument" IN ('residents_convention', 'owners_rules'));
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_matter_check" CHECK (("instrument" = 'owners_rules') = ("matter" IS NOT NULL) AND ("matter" IS NULL OR "matter" IN ('ordinary', 'special')));
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_status_check" CHECK ("status" IN ('notice', 'awaiting_meeting', 'meeting_failed', 'awaiting_filing', 'adopted', 'withdrawn'));
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_title_check" CHECK (char_length("title") BETWEEN 1 AND 120);
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_notice_check" CHECK ("notice_to" >= "notice_from" + 7 AND char_length("notice_location") BETWEEN 1 AND 200 AND "notice_round" >= 1);
-- Adopted means a passing meeting and a filing on record; nothing else is ever called adopted.
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_adopted_check" CHECK (("status" = 'adopted') = ("filed_on" IS NOT NULL) AND ("filed_on" IS NULL OR ("adopted_meeting_id" IS NOT NULL AND "filed_with" IS NOT NULL)));
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_withdrawn_check" CHECK (("status" = 'withdrawn') = ("withdrawn_at" IS NOT NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_reason" IS NULL));
ALTER TABLE "adoption_meeting" ADD CONSTRAINT "adoption_meeting_verdict_check" CHECK ("verdict" IN ('passed', 'no_quorum', 'vote_lost'));
ALTER TABLE "adoption_meeting" ADD CONSTRAINT "adoption_meeting_position_check" CHECK ("position" BETWEEN 1 AND 10);

-- One residents' convention in progress or adopted per community at a time (a withdrawn one frees it).
CREATE UNIQUE INDEX "convention_adoption_one_convention_per_community" ON "convention_adoption"("community_id") WHERE "instrument" = 'residents_convention' AND "status" <> 'withdrawn';
