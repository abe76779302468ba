-- The elements of a case, by kind and id: a large journey's page reads the last made elements of
-- each kind of its case and their counts from this index alone (JourneyStore.latest and
-- countByKind), instead of reading the whole journey of the inquiry.
CREATE INDEX journey_elements_by_case ON journey_elements (case_id, kind, id);
