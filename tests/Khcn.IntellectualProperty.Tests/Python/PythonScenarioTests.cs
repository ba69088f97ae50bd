using Khcn.Tests.Tls;

namespace Khcn.IntellectualProperty.Tests.Python;

/// <summary>
/// The real service, driven by grpc Python (C-core) through ip_scenario.py: a client nobody here wrote files a
/// certification mark, walks it through examination to grant and renewal, reads our google.rpc.Status details from the
/// trailer, and finds the mark among the assets expiring as of 2034-10-01.
/// </summary>
public abstract class PythonScenarioTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : IpServiceFixture
{
    private static readonly string[] Steps =
    [
        "file_certification_mark",
        "retry_with_same_request_id",
        "start_formality_examination",
        "stale_etag_is_aborted",
        "accept",
        "publish",
        "start_substantive_examination",
        "grant",
        "illegal_transition_is_failed_precondition",
        "renew",
        "renewal_outside_window_is_failed_precondition",
        "history_records_every_step",
        "listed_as_expiring_with_window_open",
    ];

    [Fact]
    public async Task Python_grpc_client_files_grants_renews_and_finds_a_certification_mark_expiring()
    {
        var run = await CompletedScenario.RunAsync(
            "ip_scenario.py", "khcn/ip/v1/intellectual_property_service.proto", service.Host.Address, service.ProviderName, Steps);

        // The script's own assertions passed; check the facts it reports too, so a lenient script cannot pass alone.
        var name = run.Detail("file_certification_mark").GetProperty("name").GetString();
        Assert.Equal("FILED", run.Detail("file_certification_mark").GetProperty("state").GetString());
        Assert.Equal(name, run.Detail("retry_with_same_request_id").GetProperty("name").GetString());
        Assert.Equal("ETAG_MISMATCH", run.Detail("stale_etag_is_aborted").GetProperty("reason").GetString());

        var granted = run.Detail("grant");
        Assert.Equal("2025-03-10", granted.GetProperty("expiry_date").GetString());
        Assert.Equal("2024-09-10", granted.GetProperty("renewal_window_start").GetString());
        Assert.Equal("2025-09-10", granted.GetProperty("grace_period_end").GetString());
        Assert.Equal(0, granted.GetProperty("renewal_count").GetInt32());

        Assert.Equal("INVALID_STATE_TRANSITION", run.Detail("illegal_transition_is_failed_precondition").GetProperty("reason").GetString());

        var renewed = run.Detail("renew");
        Assert.Equal("2035-03-10", renewed.GetProperty("expiry_date").GetString());
        Assert.Equal(1, renewed.GetProperty("renewal_count").GetInt32());

        var outside = run.Detail("renewal_outside_window_is_failed_precondition");
        Assert.Equal("OUTSIDE_RENEWAL_WINDOW", outside.GetProperty("reason").GetString());
        Assert.Equal("ip.khcn.gov.vn", outside.GetProperty("domain").GetString());

        Assert.Equal(
            ["FILED", "FORMALITY_EXAMINATION_STARTED", "ACCEPTED_AS_VALID", "PUBLISHED", "SUBSTANTIVE_EXAMINATION_STARTED", "GRANTED", "RENEWED"],
            run.Detail("history_records_every_step").GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var expiring = run.Detail("listed_as_expiring_with_window_open");
        Assert.Contains(name, expiring.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("RENEWAL_WINDOW_OPEN", expiring.GetProperty("stage").GetString());
        Assert.Equal(new DateOnly(2035, 3, 10).DayNumber - new DateOnly(2034, 10, 1).DayNumber, expiring.GetProperty("days_until_expiry").GetInt32());
    }
}

public sealed class PythonScenarioOnSqlite(SqliteIpService service) : PythonScenarioTests<SqliteIpService>(service);

public sealed class PythonScenarioOnPostgreSql(PostgreSqlIpService service) : PythonScenarioTests<PostgreSqlIpService>(service);
