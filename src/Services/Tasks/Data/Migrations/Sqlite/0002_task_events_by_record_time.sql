-- ListTaskEvents("tasks/-") pages the whole history in its default order (record_time, then sequence): this index lets
-- each keyset page seek instead of sorting every event. The province_code copy on events was never read (the change
-- feed filters the task snapshot), so it goes.
CREATE INDEX ix_task_events_record_time ON task_events (record_time, sequence);
ALTER TABLE task_events DROP COLUMN province_code;
