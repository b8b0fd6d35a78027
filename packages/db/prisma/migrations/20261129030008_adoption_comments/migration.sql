-- 公示 comments: residents comment on a draft on notice through single-use links (no sign-in),
-- clause by clause; the team answers each. Written only by the procedure's workflow.
-- CreateTable
CREATE TABLE "adoption_comment_link" (
    "id" UUID NOT NULL,
    "adoption_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "adoption_comment_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adoption_comment" (
    "id" UUID NOT NULL,
    "adoption_id" UUID NOT NULL,
    "link_id" UUID NOT NULL,
    "notice_round" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "clause" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "signed_as" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "answered_by_id" UUID,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "adoption_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "adoption_comment_link_token_hash_key" ON "adoption_comment_link"("token_hash");

-- CreateIndex
CREATE INDEX "adoption_comment_link_adoption_id_idx" ON "adoption_comment_link"("adoption_id");

-- CreateIndex
CREATE INDEX "adoption_comment_adoption_id_submitted_at_idx" ON "adoption_comment"("adoption_id", "submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "adoption_comment_link_id_position_key" ON "adoption_comment"("link_id", "position");

-- AddForeignKey
ALTER TABLE "adoption_comment_link" ADD CONSTRAINT "adoption_comment_link_adoption_id_fkey" FOREIGN KEY ("adoption_id") REFERENCES "convention_adoption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adoption_comment_link" ADD CONSTRAINT "adoption_comment_link_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adoption_comment" ADD CONSTRAINT "adoption_comment_adoption_id_fkey" FOREIGN KEY ("adoption_id") REFERENCES "convention_adoption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adoption_comment" ADD CONSTRAINT "adoption_comment_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "adoption_comment_link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adoption_comment" ADD CONSTRAINT "adoption_comment_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Bounds the API also checks (ADOPTION_LIMITS), kept here for any writer.
ALTER TABLE "adoption_comment" ADD CONSTRAINT "adoption_comment_text_check" CHECK (char_length("body") BETWEEN 1 AND 1000 AND char_length("clause") <= 40 AND char_length("signed_as") <= 40 AND "position" BETWEEN 1 AND 10 AND "notice_round" >= 1);
-- An answer has its author's time (the author may later be removed) and is never empty.
ALTER TABLE "adoption_comment" ADD CONSTRAINT "adoption_comment_answer_check" CHECK (("answer" IS NULL) = ("answered_at" IS NULL) AND ("answer" IS NULL OR char_length("answer") BETWEEN 1 AND 2000));
