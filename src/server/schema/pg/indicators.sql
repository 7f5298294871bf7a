-- Reported indicator values (表1); computed ones are derived from the data.
-- region '' is the province as a whole.
CREATE TABLE indicator_values (
  indicator       text COLLATE "C"    NOT NULL,
  year            bigint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  region          text COLLATE "C"    NOT NULL DEFAULT '',
  value           double precision    NOT NULL,
  evidence        text COLLATE "C"    NOT NULL DEFAULT '',
  state           text COLLATE "C"    NOT NULL DEFAULT 'submitted'
                  CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
  submitted_by    text COLLATE "C",
  submitted_at    text COLLATE "C",
  reviewed_by     text COLLATE "C",
  reviewed_at     text COLLATE "C",
  review_comment  text COLLATE "C",
  version         bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (indicator, year, region)
);
