-- An owners' decision binds the owners once the vote passes (民法典 Art. 280): it is adopted with
-- its passing meeting and has no 备案 step. A residents' convention is still adopted only when
-- filed (Organic Law Art. 15). Nothing without a passing meeting is ever called adopted.
ALTER TABLE "convention_adoption" DROP CONSTRAINT "convention_adoption_adopted_check";
ALTER TABLE "convention_adoption" ADD CONSTRAINT "convention_adoption_adopted_check" CHECK (
  ("status" <> 'adopted' OR "adopted_meeting_id" IS NOT NULL)
  AND CASE
    WHEN "instrument" = 'residents_convention' THEN ("status" = 'adopted') = ("filed_on" IS NOT NULL) AND ("filed_on" IS NULL OR "filed_with" IS NOT NULL)
    ELSE "status" <> 'awaiting_filing' AND "filed_on" IS NULL AND "filed_with" IS NULL
  END
);
