-- CreateTable
CREATE TABLE "pdf_rendition" (
    "source_sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pdf_rendition_pkey" PRIMARY KEY ("source_sha256")
);

-- CreateIndex
CREATE INDEX "community_problem_session_id_position_idx" ON "community_problem"("session_id", "position");
