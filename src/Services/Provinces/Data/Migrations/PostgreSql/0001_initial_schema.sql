-- Provinces service, schema version 1 (PostgreSQL). Dates of the real world are yyyymmdd integers
-- (partial dates keep 00 for unknown month/day); record times are timestamptz. Sort keys use
-- the "C" collation: they are built so that byte order is Vietnamese dictionary order.

CREATE TABLE province_units (
    code            text    NOT NULL,
    valid_from      integer NOT NULL,
    valid_to        integer NOT NULL,
    display_name    text    NOT NULL,
    folded_name     text    NOT NULL,
    sort_key        text    COLLATE "C" NOT NULL,
    kind            integer NOT NULL,
    region          integer NOT NULL,
    seat            text    NOT NULL,
    successor_code  text    NULL,
    legal_basis     text    NOT NULL,
    PRIMARY KEY (code, valid_from)
);

CREATE TABLE departments (
    province_code   text    NOT NULL PRIMARY KEY,
    display_name    text    NOT NULL,
    address         text    NOT NULL,
    absorbed_units  text    NOT NULL,
    version         bigint  NOT NULL,
    update_time     timestamptz    NOT NULL
);

CREATE TABLE officials (
    id              text    NOT NULL PRIMARY KEY,
    display_name    text    NOT NULL,
    folded_name     text    NOT NULL,
    sort_key        text    COLLATE "C" NOT NULL,
    version         bigint  NOT NULL,
    create_time     timestamptz    NOT NULL,
    update_time     timestamptz    NOT NULL
);

CREATE TABLE official_positions (
    official_id     text    NOT NULL REFERENCES officials (id) ON DELETE CASCADE,
    ordinal         integer NOT NULL,
    role            integer NOT NULL,
    title           text    NOT NULL,
    organisation    text    NOT NULL,
    province_code   text    NULL,
    start_date      integer NOT NULL,
    end_date        integer NOT NULL,
    start_bound     integer NOT NULL,
    end_bound       integer NOT NULL,
    PRIMARY KEY (official_id, ordinal)
);
CREATE INDEX ix_official_positions_post ON official_positions (role, province_code, start_bound, end_bound);

CREATE TABLE engagements (
    id                   text    NOT NULL PRIMARY KEY,
    province_code        text    NOT NULL,
    kind                 integer NOT NULL,
    date                 integer NOT NULL,
    title                text    NOT NULL,
    chair_id             text    NULL,
    participants         text    NOT NULL,
    period_start         integer NOT NULL,
    period_end           integer NOT NULL,
    source_document_id   text    NOT NULL,
    source_title         text    NOT NULL,
    source_author        text    NOT NULL,
    source_publish_date  integer NOT NULL,
    source_uri           text    NOT NULL,
    summary              text    NOT NULL,
    version              bigint  NOT NULL,
    create_time          timestamptz    NOT NULL,
    update_time          timestamptz    NOT NULL
);
CREATE INDEX ix_engagements_date ON engagements (date, id);
CREATE INDEX ix_engagements_province_date ON engagements (province_code, date);

CREATE TABLE recommendations (
    id              text    NOT NULL PRIMARY KEY,
    province_code   text    NOT NULL,
    engagement_id   text    NULL,
    addressee       integer NOT NULL,
    topic           text    NOT NULL,
    summary         text    NOT NULL,
    state           integer NOT NULL,
    is_open         boolean NOT NULL,
    assignee        text    NOT NULL,
    resolution      text    NOT NULL,
    history         text    NOT NULL,
    raise_time      timestamptz    NOT NULL,
    version         bigint  NOT NULL,
    create_time     timestamptz    NOT NULL,
    update_time     timestamptz    NOT NULL
);
CREATE INDEX ix_recommendations_open ON recommendations (is_open, raise_time);
CREATE INDEX ix_recommendations_province ON recommendations (province_code, raise_time);
CREATE INDEX ix_recommendations_engagement ON recommendations (engagement_id);

CREATE TABLE directives (
    id              text    NOT NULL PRIMARY KEY,
    province_code   text    NOT NULL,
    engagement_id   text    NULL,
    issued_by_id    text    NOT NULL,
    addressees      text    NOT NULL,
    topic           text    NOT NULL,
    summary         text    NOT NULL,
    due_date        integer NOT NULL,
    state           integer NOT NULL,
    is_open         boolean NOT NULL,
    history         text    NOT NULL,
    issue_time      timestamptz    NOT NULL,
    version         bigint  NOT NULL,
    create_time     timestamptz    NOT NULL,
    update_time     timestamptz    NOT NULL
);
CREATE INDEX ix_directives_open ON directives (is_open, issue_time);
CREATE INDEX ix_directives_province ON directives (province_code, issue_time);
CREATE INDEX ix_directives_engagement ON directives (engagement_id);

CREATE TABLE reported_figures (
    id                   text    NOT NULL PRIMARY KEY,
    province_code        text    NOT NULL,
    metric               text    NOT NULL,
    value                double precision NOT NULL,
    unit                 text    NOT NULL,
    period_start         integer NOT NULL,
    period_end           integer NOT NULL,
    engagement_id        text    NULL,
    source_document_id   text    NOT NULL,
    source_title         text    NOT NULL,
    source_author        text    NOT NULL,
    source_publish_date  integer NOT NULL,
    source_uri           text    NOT NULL,
    note                 text    NOT NULL,
    create_time          timestamptz    NOT NULL
);
CREATE INDEX ix_reported_figures_metric ON reported_figures (province_code, metric, period_start, period_end);
