-- role-change (役割の変更, A7; NIST PS-5): why a role was given, and who ended it when and why. A role row is never
-- rewritten but for its end: valid_to with ended_by, end_reason and the process that ended it.
ALTER TABLE role_assignment ADD COLUMN grant_reason VARCHAR(1000);
ALTER TABLE role_assignment ADD COLUMN ended_by VARCHAR(64);
ALTER TABLE role_assignment ADD COLUMN end_reason VARCHAR(1000);
ALTER TABLE role_assignment ADD COLUMN end_process_instance_id VARCHAR(64);
CREATE INDEX ix_role_facility_role ON role_assignment (facility_id, role, valid_to);
