-- Provinces service, schema version 1 (SQLite). Dates of the real world are yyyymmdd integers
-- (partial dates keep 00 for unknown month/day); record times are EF Core's UTC text timestamps.

CREATE TABLE province_units (
    code            TEXT    NOT NULL,
    valid_from      INTEGER NOT NULL,
    valid_to        INTEGER NOT NULL,
    display_name    TEXT    NOT NULL,
    folded_name     TEXT    NOT NULL,
    sort_key        TEXT    NOT NULL,
    kind            INTEGER NOT NULL,
    region          INTEGER NOT NULL,
    seat            TEXT    NOT NULL,
    successor_code  TEXT    NULL,
    legal_basis     TEXT    NOT NULL,
    PRIMARY KEY (code, valid_from)
);

CREATE TABLE departments (
    province_code   TEXT    NOT NULL PRIMARY KEY,
    display_name    TEXT    NOT NULL,
    address         TEXT    NOT NULL,
    absorbed_units  TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    update_time     TEXT    NOT NULL
);

CREATE TABLE officials (
    id              TEXT    NOT NULL PRIMARY KEY,
    display_name    TEXT    NOT NULL,
    folded_name     TEXT    NOT NULL,
    sort_key        TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    create_time     TEXT    NOT NULL,
    update_time     TEXT    NOT NULL
);

CREATE TABLE official_positions (
    official_id     TEXT    NOT NULL REFERENCES officials (id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    role            INTEGER NOT NULL,
    title           TEXT    NOT NULL,
    organisation    TEXT    NOT NULL,
    province_code   TEXT    NULL,
    start_date      INTEGER NOT NULL,
    end_date        INTEGER NOT NULL,
    start_bound     INTEGER NOT NULL,
    end_bound       INTEGER NOT NULL,
    PRIMARY KEY (official_id, ordinal)
);
CREATE INDEX ix_official_positions_post ON official_positions (role, province_code, start_bound, end_bound);

CREATE TABLE engagements (
    id                   TEXT    NOT NULL PRIMARY KEY,
    province_code        TEXT    NOT NULL,
    kind                 INTEGER NOT NULL,
    date                 INTEGER NOT NULL,
    title                TEXT    NOT NULL,
    chair_id             TEXT    NULL,
    participants         TEXT    NOT NULL,
    period_start         INTEGER NOT NULL,
    period_end           INTEGER NOT NULL,
    source_document_id   TEXT    NOT NULL,
    source_title         TEXT    NOT NULL,
    source_author        TEXT    NOT NULL,
    source_publish_date  INTEGER NOT NULL,
    source_uri           TEXT    NOT NULL,
    summary              TEXT    NOT NULL,
    version              INTEGER NOT NULL,
    create_time          TEXT    NOT NULL,
    update_time          TEXT    NOT NULL
);
CREATE INDEX ix_engagements_date ON engagements (date, id);
CREATE INDEX ix_engagements_province_date ON engagements (province_code, date);

CREATE TABLE recommendations (
    id              TEXT    NOT NULL PRIMARY KEY,
    province_code   TEXT    NOT NULL,
    engagement_id   TEXT    NULL,
    addressee       INTEGER NOT NULL,
    topic           TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    state           INTEGER NOT NULL,
    is_open         INTEGER NOT NULL,
    assignee        TEXT    NOT NULL,
    resolution      TEXT    NOT NULL,
    history         TEXT    NOT NULL,
    raise_time      TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    create_time     TEXT    NOT NULL,
    update_time     TEXT    NOT NULL
);
CREATE INDEX ix_recommendations_open ON recommendations (is_open, raise_time);
CREATE INDEX ix_recommendations_province ON recommendations (province_code, raise_time);
CREATE INDEX ix_recommendations_engagement ON recommendations (engagement_id);

CREATE TABLE directives (
    id              TEXT    NOT NULL PRIMARY KEY,
    province_code   TEXT    NOT NULL,
    engagement_id   TEXT    NULL,
    issued_by_id    TEXT    NOT NULL,
    addressees      TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    due_date        INTEGER NOT NULL,
    state           INTEGER NOT NULL,
    is_open         INTEGER NOT NULL,
    history         TEXT    NOT NULL,
    issue_time      TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    create_time     TEXT    NOT NULL,
    update_time     TEXT    NOT NULL
);
CREATE INDEX ix_directives_open ON directives (is_open, issue_time);
CREATE INDEX ix_directives_province ON directives (province_code, issue_time);
CREATE INDEX ix_directives_engagement ON directives (engagement_id);

CREATE TABLE reported_figures (
    id                   TEXT    NOT NULL PRIMARY KEY,
    province_code        TEXT    NOT NULL,
    metric               TEXT    NOT NULL,
    value                REAL    NOT NULL,
    unit                 TEXT    NOT NULL,
    period_start         INTEGER NOT NULL,
    period_end           INTEGER NOT NULL,
    engagement_id        TEXT    NULL,
    source_document_id   TEXT    NOT NULL,
    source_title         TEXT    NOT NULL,
    source_author        TEXT    NOT NULL,
    source_publish_date  INTEGER NOT NULL,
    source_uri           TEXT    NOT NULL,
    note                 TEXT    NOT NULL,
    create_time          TEXT    NOT NULL
);
CREATE INDEX ix_reported_figures_metric ON reported_figures (province_code, metric, period_start, period_end);
