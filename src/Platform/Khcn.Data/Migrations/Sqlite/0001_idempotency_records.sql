-- AIP-155 request_id deduplication: the response of a completed write, keyed by RPC method and request id.
-- Written in the same transaction as the write it protects (see IdempotencyExtensions).
CREATE TABLE idempotency_records (
    scope text NOT NULL,
    request_id text NOT NULL,
    request_hash text NOT NULL,
    response_type text NOT NULL,
    response blob NOT NULL,
    create_time text NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (scope, request_id)
);

-- Lets a janitor purge old records by age.
CREATE INDEX ix_idempotency_records_create_time ON idempotency_records (create_time);
