-- Pledges signed on paper before the system (issue 15): the date on the paper and where the paper is kept, recorded
-- beside the ON_RECORD row by the facility's MCS administrator (pledge-record). NULL for pledges signed in the system.
ALTER TABLE pledge ADD COLUMN paper_signed_on DATE;
ALTER TABLE pledge ADD COLUMN paper_kept_at VARCHAR(200);
