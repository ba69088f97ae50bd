CREATE TABLE books (
    id text NOT NULL CONSTRAINT pk_books PRIMARY KEY,
    shelf_id text NULL CONSTRAINT fk_books_shelves_shelf_id REFERENCES shelves (id),
    title text NOT NULL,
    create_time timestamptz NOT NULL,
    version bigint NOT NULL
);
CREATE INDEX ix_books_title ON books (title);
CREATE INDEX ix_books_shelf_id ON books (shelf_id);
