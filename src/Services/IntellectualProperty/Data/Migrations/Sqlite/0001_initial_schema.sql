-- IntellectualProperty service, schema version 1 (SQLite). Dates of the real world are yyyymmdd integers (0 =
-- unknown or none); record times are EF Core's UTC text timestamps.

CREATE TABLE assets (
    id                          TEXT    NOT NULL PRIMARY KEY,
    kind                        INTEGER NOT NULL,
    mark_type                   INTEGER NOT NULL,
    title                       TEXT    NOT NULL,
    holder_name                 TEXT    NOT NULL,
    holder_kind                 INTEGER NOT NULL,
    holder_address              TEXT    NOT NULL,
    province_code               TEXT    NOT NULL,
    application_number          TEXT    NOT NULL,
    filing_date                 INTEGER NOT NULL,
    filing_year                 INTEGER NOT NULL,
    nice_classes                TEXT    NOT NULL,
    nice_class_tokens           TEXT    NOT NULL,
    representation              INTEGER NOT NULL,
    priority_country_code       TEXT    NOT NULL,
    priority_application_number TEXT    NOT NULL,
    priority_date               INTEGER NOT NULL,
    publication_date            INTEGER NOT NULL,
    grant_number                TEXT    NOT NULL,
    grant_date                  INTEGER NOT NULL,
    renewal_count               INTEGER NOT NULL,
    expiry_date                 INTEGER NOT NULL,
    renewal_window_start        INTEGER NOT NULL,
    grace_period_end            INTEGER NOT NULL,
    ocop_stars                  INTEGER NOT NULL,
    ocop_certified_date         INTEGER NOT NULL,
    origin_task                 TEXT    NOT NULL,
    state                       INTEGER NOT NULL,
    search_text                 TEXT    NOT NULL,
    folded_title                TEXT    NOT NULL,
    folded_holder_name          TEXT    NOT NULL,
    version                     INTEGER NOT NULL,
    create_time                 TEXT    NOT NULL,
    update_time                 TEXT    NOT NULL
);
-- The IP Office numbers each application once.
CREATE UNIQUE INDEX ux_assets_application_number ON assets (application_number) WHERE application_number <> '';
-- The default order of ListAssets (filing_date desc, id) and its keyset pages walk these.
CREATE INDEX ix_assets_filing_date ON assets (filing_date DESC, id);
CREATE INDEX ix_assets_province_filing_date ON assets (province_code, filing_date DESC, id);
-- ListExpiringAssets: assets in force ordered by expiry.
CREATE INDEX ix_assets_state_expiry_date ON assets (state, expiry_date, id);
CREATE INDEX ix_assets_kind_state ON assets (kind, state);
CREATE INDEX ix_assets_origin_task ON assets (origin_task) WHERE origin_task <> '';

CREATE TABLE asset_events (
    sequence            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    asset_id            TEXT    NOT NULL,
    type                INTEGER NOT NULL,
    previous_state      INTEGER NOT NULL,
    new_state           INTEGER NOT NULL,
    actor               TEXT    NOT NULL,
    event_time          TEXT    NOT NULL,
    reason              TEXT    NOT NULL,
    document_reference  TEXT    NOT NULL,
    changed_fields      TEXT    NOT NULL,
    snapshot            BLOB    NOT NULL,
    record_time         TEXT    NOT NULL
);
CREATE INDEX ix_asset_events_asset ON asset_events (asset_id, sequence);
-- ListAssetEvents("assets/-") pages the whole history in its default order (record_time, then sequence).
CREATE INDEX ix_asset_events_record_time ON asset_events (record_time, sequence);
