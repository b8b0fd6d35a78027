-- CreateTable
CREATE TABLE "model_household" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "household" TEXT NOT NULL,
    "deeds" TEXT NOT NULL,
    "recognized_on" DATE NOT NULL,
    "recognized_by" TEXT NOT NULL,
    "case_id" UUID,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" UUID,
    "withdrawn_reason" TEXT,

    CONSTRAINT "model_household_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_household_engagement_id_recognized_on_idx" ON "model_household"("engagement_id", "recognized_on");

-- AddForeignKey
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "problem_case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What the contract promises, held by the table too.
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_text_check" CHECK (char_length("household") BETWEEN 1 AND 100 AND char_length("deeds") BETWEEN 1 AND 2000 AND char_length("recognized_by") BETWEEN 1 AND 100);
ALTER TABLE "model_household" ADD CONSTRAINT "model_household_withdrawn_check" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_reason" IS NULL));
