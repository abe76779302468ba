-- Dataset versions (docs/decisions/0010-dataset-versions.md): versions are derived from the flows,
-- ordered by when each intervention generated a data object and bound to reads by when each read.
-- A flow keeps that time (an input: the start, else the end; an output: the end, else the start)
-- and the version the intervention named (OpenLineage's version dataset facet), so that the lineage
-- index loads them in its one query. Existing flows take their times from their interventions; a
-- version named in an intervention's facets (Intervention.versionKey) is read from them too.
-- Keep equivalent to db/migration/sqlite/V160__dataset_versions.sql.
ALTER TABLE journey_flows ADD COLUMN happened_at TEXT;
ALTER TABLE journey_flows ADD COLUMN version_name TEXT NOT NULL DEFAULT '';
UPDATE journey_flows f SET happened_at =
  CASE f.direction
    WHEN 'INPUT' THEN COALESCE(e.body::jsonb ->> 'startedAt', e.body::jsonb ->> 'endedAt')
    ELSE COALESCE(e.body::jsonb ->> 'endedAt', e.body::jsonb ->> 'startedAt')
  END
  FROM journey_elements e WHERE e.id = f.intervention_id;
UPDATE journey_flows f SET version_name = COALESCE(
    e.body::jsonb -> 'facets' ->> ('@version.' || lower(f.direction) || '.' || f.data_object_id),
    '')
  FROM journey_elements e WHERE e.id = f.intervention_id;
UPDATE journey_revisions SET revision = revision + 1;
