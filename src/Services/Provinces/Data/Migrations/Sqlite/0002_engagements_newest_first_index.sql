-- ListEngagements orders by "date desc" with the id as an ascending tie-breaker. The (date, id) index
-- only serves that order read backwards with the ids descending too, so every page sorted all rows up
-- to its offset. This index has the list's own order.
CREATE INDEX ix_engagements_date_desc ON engagements (date DESC, id);
