-- issue 15, the dashboard's logins per day: the LOGIN rows of the last 30 days read from the index alone
-- (ix_audit_log_at walks every request logged in the period: on a city's log, millions of READ rows; with user_id in
-- the index PostgreSQL counts people without visiting the table).
CREATE INDEX ix_audit_log_event_at ON audit_log (event, at, user_id);
