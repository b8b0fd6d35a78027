-- An owners' decision binds the owners once the vote passes (民法典 Art. 280): it is adopted with
-- its passing meeting and has no 备案 step. A residents' convention is still adopted only when
-- filed (Organic Law Art. 15). Nothing without a passing meeting is ever called adopted.
ALTER TABLE "convention_adoption" DROP CONSTRAINT "convention_adoption_adopted_check";
-- Owners' decisions already voted through are adopted now; a filing recorded for one stays in the audit trail.
UPDATE "convention_adoption" SET "status" = 'adopted' WHERE "instrument" <> 'residents_convention' AND "status" = 'awaiting_filing';
UPDATE "convention_adoption" SET "filed_on" = NULL, "filed_with" = NULL, "filing_no" = NULL, "filed_by_id" = NULL WHERE "instrument" <> 'residents_convention' AND "filed_on" IS NOT NULL;
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_adopted_check" CHECK (
  ("status" <> 'adopted' OR "adopted_meeting_id" IS NOT NULL)
  AND CASE
    WHEN "instrument" = 'residents_convention' THEN ("status" = 'adopted') = ("filed_on" IS NOT NULL) AND ("filed_on" IS NULL OR "filed_with" IS NOT NULL)
    ELSE "status" <> 'awaiting_filing' AND "filed_on" IS NULL AND "filed_with" IS NULL AND "filing_no" IS NULL AND "filed_by_id" IS NULL
  END
);
