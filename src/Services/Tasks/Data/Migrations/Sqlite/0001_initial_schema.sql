-- Tasks service, schema version 1 (SQLite). Dates of the real world are yyyymmdd integers (partial dates keep 00
-- for an unknown month/day, 0 = unknown); record times are EF Core's UTC text timestamps; amounts are whole đồng.

CREATE TABLE programmes (
    id              TEXT    NOT NULL PRIMARY KEY,
    code            TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    folded_name     TEXT    NOT NULL,
    level           INTEGER NOT NULL,
    start_year      INTEGER NOT NULL,
    end_year        INTEGER NOT NULL,
    managing_body   TEXT    NOT NULL,
    province_code   TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    create_time     TEXT    NOT NULL,
    update_time     TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_programmes_code ON programmes (code) WHERE code <> '';

CREATE TABLE tasks (
    id                      TEXT    NOT NULL PRIMARY KEY,
    code                    TEXT    NOT NULL,
    title                   TEXT    NOT NULL,
    folded_title            TEXT    NOT NULL,
    search_text             TEXT    NOT NULL,
    folded_host_name        TEXT    NOT NULL,
    folded_investigator     TEXT    NOT NULL,
    kind                    INTEGER NOT NULL,
    level                   INTEGER NOT NULL,
    programme_id            TEXT    NULL REFERENCES programmes (id),
    province_code           TEXT    NOT NULL,
    host_name               TEXT    NOT NULL,
    host_address            TEXT    NOT NULL,
    principal_investigator  TEXT    NOT NULL,
    field                   INTEGER NOT NULL,
    subject                 TEXT    NOT NULL,
    start_date              INTEGER NOT NULL,
    start_year              INTEGER NOT NULL,
    end_date                INTEGER NOT NULL,
    state_budget_vnd        INTEGER NOT NULL,
    other_sources_vnd       INTEGER NOT NULL,
    total_budget_vnd        INTEGER NOT NULL,
    outputs                 TEXT    NOT NULL,
    state                   INTEGER NOT NULL,
    acceptance_rating       INTEGER NOT NULL,
    adjustment_count        INTEGER NOT NULL,
    extension_count         INTEGER NOT NULL,
    version                 INTEGER NOT NULL,
    create_time             TEXT    NOT NULL,
    update_time             TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_tasks_code ON tasks (code) WHERE code <> '';
-- The default order (start_date desc, code, id) and keyset pages walk this index.
CREATE INDEX ix_tasks_start_date_code ON tasks (start_date DESC, code, id);
CREATE INDEX ix_tasks_province_start_date ON tasks (province_code, start_date DESC, code, id);
CREATE INDEX ix_tasks_programme ON tasks (programme_id);
CREATE INDEX ix_tasks_state ON tasks (state);

CREATE TABLE task_events (
    sequence            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    task_id             TEXT    NOT NULL,
    type                INTEGER NOT NULL,
    previous_state      INTEGER NOT NULL,
    new_state           INTEGER NOT NULL,
    actor               TEXT    NOT NULL,
    event_time          TEXT    NOT NULL,
    reason              TEXT    NOT NULL,
    document_reference  TEXT    NOT NULL,
    changed_fields      TEXT    NOT NULL,
    snapshot            BLOB    NOT NULL,
    province_code       TEXT    NOT NULL,
    record_time         TEXT    NOT NULL,
    adopters            TEXT    NOT NULL
);
CREATE INDEX ix_task_events_task ON task_events (task_id, sequence);
