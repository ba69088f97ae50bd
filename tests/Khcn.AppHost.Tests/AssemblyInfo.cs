// Every test runs a whole stack (Redis, PostgreSQL, three services): one at a time, or a 2-core CI machine starves
// them past their health timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
