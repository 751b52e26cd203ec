-- When each account's password was last changed (A11-3: at least every two months); with password_must_change
-- (first login) it decides whether a login must change the password first.
ALTER TABLE staff ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE staff SET password_changed_at = COALESCE(activated_at, created_at);
