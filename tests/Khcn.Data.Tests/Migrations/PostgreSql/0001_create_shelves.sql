CREATE TABLE shelves (
    id text NOT NULL CONSTRAINT pk_shelves PRIMARY KEY,
    display_name text NOT NULL
);
