-- issue 15, the dashboard's logins per day: the LOGIN rows of the last 30 days without reading every request logged
-- in them (ix_audit_log_at alone walks all events of the period: on a city's log, millions of READ rows).
CREATE INDEX ix_audit_log_event_at ON audit_log (event, at);
