-- Data journeys (see docs/decisions/0020-journey-model-and-exchange.md), in SQL that SQLite and
-- PostgreSQL both run unchanged. Conventions of V1: ids from the one id space, ISO-8601 text,
-- stable ids for enumerations, dependents deleted by the operations.
--
-- An element (data object, intervention, actor, choice, tension, use, procedure, claim) is one row
-- with its record as JSON; the columns beside it are what queries need: its kind, case, label and
-- external name, the elements it refers to (journey_refs) and, for interventions, their inputs and
-- outputs (journey_flows), which the lineage index loads in one query.

CREATE TABLE journey_elements (
  id            BIGINT PRIMARY KEY,
  inquiry_id    BIGINT NOT NULL REFERENCES inquiries (id),
  case_id       BIGINT,
  kind          TEXT   NOT NULL,
  label         TEXT   NOT NULL,
  external_name TEXT   NOT NULL,
  body          TEXT   NOT NULL
);
CREATE INDEX journey_elements_by_kind ON journey_elements (inquiry_id, kind, id);
CREATE INDEX journey_elements_by_name ON journey_elements (inquiry_id, kind, external_name, id);

CREATE TABLE journey_refs (
  element_id BIGINT NOT NULL REFERENCES journey_elements (id),
  ref_id     BIGINT NOT NULL
);
CREATE INDEX journey_refs_by_element ON journey_refs (element_id);
CREATE INDEX journey_refs_by_ref ON journey_refs (ref_id);

CREATE TABLE journey_flows (
  inquiry_id      BIGINT  NOT NULL,
  intervention_id BIGINT  NOT NULL REFERENCES journey_elements (id),
  data_object_id  BIGINT  NOT NULL,
  direction       TEXT    NOT NULL,
  ordinal         INTEGER NOT NULL
);
CREATE INDEX journey_flows_by_inquiry ON journey_flows (inquiry_id);
CREATE INDEX journey_flows_by_intervention ON journey_flows (intervention_id);

CREATE TABLE journey_revisions (
  inquiry_id BIGINT PRIMARY KEY REFERENCES inquiries (id),
  revision   BIGINT NOT NULL
);

CREATE TABLE journey_participations (
  id          BIGINT PRIMARY KEY,
  inquiry_id  BIGINT NOT NULL REFERENCES inquiries (id),
  actor_id    BIGINT NOT NULL REFERENCES journey_elements (id),
  role        TEXT   NOT NULL,
  target_kind TEXT   NOT NULL,
  target_id   BIGINT NOT NULL
);
CREATE INDEX journey_participations_by_inquiry ON journey_participations (inquiry_id);
CREATE INDEX journey_participations_by_actor ON journey_participations (actor_id);
CREATE INDEX journey_participations_by_target ON journey_participations (target_kind, target_id);

CREATE TABLE journey_evidence (
  id              BIGINT  PRIMARY KEY,
  inquiry_id      BIGINT  NOT NULL REFERENCES inquiries (id),
  element_kind    TEXT    NOT NULL,
  element_id      BIGINT  NOT NULL,
  source_id       BIGINT  NOT NULL REFERENCES sources (id),
  start_pos       INTEGER,
  end_pos         INTEGER,
  quote           TEXT    NOT NULL,
  segment_id      BIGINT,
  note            TEXT    NOT NULL,
  confidentiality TEXT    NOT NULL
);
CREATE INDEX journey_evidence_by_inquiry ON journey_evidence (inquiry_id);
CREATE INDEX journey_evidence_by_element ON journey_evidence (element_kind, element_id);
CREATE INDEX journey_evidence_by_source ON journey_evidence (source_id);

CREATE TABLE journey_terms (
  id         BIGINT PRIMARY KEY,
  inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
  vocabulary TEXT   NOT NULL,
  term_id    TEXT   NOT NULL,
  label_en   TEXT   NOT NULL,
  label_fr   TEXT   NOT NULL,
  CONSTRAINT journey_terms_unique UNIQUE (inquiry_id, vocabulary, term_id)
);
