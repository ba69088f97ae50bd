using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Khcn.Data.Diagnostics;
using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.Data.Tests.Diagnostics;

/// <summary>
/// The SQLite command spans, on a real SQLite file configured exactly as the services' (UseKhcnSqlite). One class,
/// so its tests never run in parallel: "nothing listens" must not overlap a test that listens.
/// </summary>
public sealed class SqliteCommandSpanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = await _database.CreateMigratedContextAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_command_gets_one_client_span_named_operation_and_database_file()
    {
        using var spans = new SpanRecorder();
        using var caller = StartCaller();

        var id = "s1"; // a variable, so EF sends it as a parameter, as a service's lookups do
        await using (var context = _database.CreateContext())
        {
            context.Shelves.Add(new Shelf { Id = id, DisplayName = "Fiction" });
            await context.SaveChangesAsync();
            Assert.Equal("Fiction", (await context.Shelves.SingleAsync(s => s.Id == id)).DisplayName);
        }

        var recorded = spans.ChildrenOf(caller);
        Assert.Equal(2, recorded.Count);
        var insert = recorded[0];
        var select = recorded[1];
        Assert.Equal("INSERT library.db", insert.DisplayName);
        Assert.Equal("SELECT library.db", select.DisplayName);
        foreach (var span in recorded)
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(DatabaseTelemetry.SourceName, span.Source.Name);
            Assert.Equal("sqlite", span.GetTagItem("db.system.name"));
            Assert.Equal("sqlite", span.GetTagItem("db.system"));
            Assert.Equal("library.db", span.GetTagItem("db.namespace"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            Assert.True(span.IsStopped);
        }

        Assert.Equal("INSERT", insert.GetTagItem("db.operation.name"));
        Assert.Equal("SELECT", select.GetTagItem("db.operation.name"));
        // Parameterised by EF: the values written and looked up never reach the span.
        var insertText = Assert.IsType<string>(insert.GetTagItem("db.query.text"));
        Assert.StartsWith("INSERT INTO \"shelves\"", insertText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fiction", insertText, StringComparison.Ordinal);
        var selectText = Assert.IsType<string>(select.GetTagItem("db.query.text"));
        Assert.Contains("@", selectText, StringComparison.Ordinal);
        Assert.DoesNotContain("'s1'", selectText, StringComparison.Ordinal);
    }

    [Fact]
    public void Synchronous_commands_are_traced_like_asynchronous_ones()
    {
        using var spans = new SpanRecorder();
        using var caller = StartCaller();

        using (var context = _database.CreateContext())
        {
            Assert.Equal(0, context.Shelves.Count());
            context.Database.ExecuteSqlRaw("DELETE FROM shelves WHERE id = {0}", "none");
        }

        Assert.Equal(["SELECT library.db", "DELETE library.db"], spans.ChildrenOf(caller).Select(s => s.DisplayName));
    }

    [Fact]
    public async Task The_span_is_current_while_sqlite_runs_and_the_callers_activity_is_current_again_after()
    {
        using var spans = new SpanRecorder();
        using var caller = StartCaller();
        var seen = new CurrentActivityRecorder();

        await using (var context = CreateContext(seen))
        {
            await context.Shelves.CountAsync();
        }

        var span = Assert.Single(spans.ChildrenOf(caller));
        Assert.Same(span, seen.AtExecuting);
        Assert.Same(caller, Activity.Current);
    }

    [Fact]
    public async Task A_failing_command_ends_its_span_with_error_status_and_the_exception_type()
    {
        using var spans = new SpanRecorder();
        using var caller = StartCaller();

        await using (var context = _database.CreateContext())
        {
            await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlRawAsync("UPDATE no_such_table SET x = 1"));
        }

        var span = Assert.Single(spans.ChildrenOf(caller));
        Assert.Equal("UPDATE library.db", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(SqliteException).FullName, span.GetTagItem("error.type"));
        Assert.Equal("1", span.GetTagItem("db.response.status_code")); // SQLITE_ERROR
        Assert.True(span.IsStopped);
    }

    [Fact]
    public async Task Nothing_listening_starts_no_span_and_leaves_the_callers_activity_current()
    {
        // A listener for another source only: Khcn.Data has none.
        using var other = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Khcn.Tests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(other);
        using var caller = StartCaller();
        var seen = new CurrentActivityRecorder();

        await using (var context = CreateContext(seen))
        {
            await context.Shelves.CountAsync();
        }

        Assert.Same(caller, seen.AtExecuting);
        Assert.Same(caller, Activity.Current);
    }

    [Theory]
    [InlineData("  \n\tinsert into shelves values ('s2', 'Poetry')", "INSERT", "INSERT library.db")]
    [InlineData("-- TagWith writes comment lines\n-- like these\nUPDATE shelves SET display_name = 'x' WHERE 0", "UPDATE", "UPDATE library.db")]
    [InlineData("/* hint */ DELETE FROM shelves WHERE 0", "DELETE", "DELETE library.db")]
    [InlineData("WITH gone AS (SELECT id FROM shelves WHERE 0) DELETE FROM shelves WHERE id IN gone", "WITH", "WITH library.db")]
    [InlineData("PRAGMA user_version = 0", "PRAGMA", "PRAGMA library.db")]
    [InlineData("-- a comment alone", null, "library.db")]
    public async Task Operation_name_is_the_first_keyword_after_whitespace_and_comments(string sql, string? operation, string spanName)
    {
        using var spans = new SpanRecorder();
        using var caller = StartCaller();

        await using (var context = _database.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync(sql);
        }

        var span = Assert.Single(spans.ChildrenOf(caller));
        Assert.Equal(operation, span.GetTagItem("db.operation.name"));
        Assert.Equal(spanName, span.DisplayName);
    }

    private LibraryDbContext CreateContext(IInterceptor after) =>
        new(new DbContextOptionsBuilder<LibraryDbContext>().UseKhcnSqlite(_database.Target).AddInterceptors(after).Options);

    private static Activity StartCaller()
    {
        var activity = new Activity("Khcn.Tests.Caller").SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        return activity.Start();
    }

    /// <summary>Records the Khcn.Data spans this process emits (other test classes may run commands meanwhile).</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _started = new();
        private readonly ActivityListener _listener;

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == DatabaseTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = _started.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<Activity> ChildrenOf(Activity parent) =>
            [.. _started.Where(a => a.ParentSpanId == parent.SpanId && a.TraceId == parent.TraceId)];

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Registered after the platform's interceptors: sees what is current while the command runs.</summary>
    private sealed class CurrentActivityRecorder : DbCommandInterceptor
    {
        public Activity? AtExecuting { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            AtExecuting = Activity.Current;
            return ValueTask.FromResult(result);
        }
    }
}
