-- The audit log: one row per stored row a write inserted, changed or removed, written in the same transaction as the
-- write (see Khcn.Data.Audit). Append-only: the triggers refuse UPDATE and DELETE, whatever the code does.
-- AUTOINCREMENT so a sequence number is never handed out twice, even after the newest row is gone.
CREATE TABLE audit_events (
    sequence integer NOT NULL CONSTRAINT pk_audit_events PRIMARY KEY AUTOINCREMENT,
    event_time text NOT NULL,
    actor text NOT NULL,
    client_id text NOT NULL,
    method text NOT NULL,
    action text NOT NULL,
    resource text NOT NULL,
    resource_type text NOT NULL,
    changed_fields text NOT NULL,
    before_values text NULL,
    after_values text NULL,
    request_id text NOT NULL,
    trace_id text NOT NULL
);

-- A resource's history, and listing by time.
CREATE INDEX ix_audit_events_resource ON audit_events (resource, sequence);
CREATE INDEX ix_audit_events_event_time ON audit_events (event_time, sequence);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused');
END;
