using Khcn.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using static Khcn.Provinces.Tests.Infrastructure.TestRecords;
using State = Khcn.Provinces.V1.Directive.Types.State;

namespace Khcn.Provinces.Tests.Directives;

/// <summary>Directives against the real service: issuing, Start/Complete with history, updates and lists.</summary>
public abstract class DirectiveApiTests(ProvincesServiceFixture service)
{
    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task IssuedAtAnEngagementStartsIssuedByItsOfficial()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 1));

        var issued = await IssueAsync(engagement, new Google.Type.Date { Year = 2020, Month = 6 });

        Assert.Equal(State.Issued, issued.State);
        Assert.Equal(Timestamp.FromDateTime(new DateTime(2019, 6, 30, 17, 0, 0, DateTimeKind.Utc)), issued.IssueTime);
        var entry = Assert.Single(issued.History);
        Assert.Equal("officials/chu-ngoc-anh", entry.Actor);
        Assert.Equal(issued.IssueTime, entry.EventTime);
        Assert.Equal(["Sở KH&CN tỉnh Lạng Sơn", "UBND tỉnh Lạng Sơn"], issued.Addressees);
        Assert.Equal(new Google.Type.Date { Year = 2020, Month = 6 }, issued.DueDate);
        Assert.Equal(issued, await Client.GetDirectiveAsync(new GetDirectiveRequest { Name = issued.Name }));
    }

    [Fact]
    public async Task StartThenCompleteRecordsEachStep()
    {
        var issued = await IssueAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 2)));

        var started = await Client.StartDirectiveAsync(new StartDirectiveRequest
        {
            Name = issued.Name, Etag = issued.Etag, Actor = "Sở KH&CN tỉnh Lạng Sơn", Reason = "lập đề án bảo tồn",
        });
        var done = await Client.CompleteDirectiveAsync(new CompleteDirectiveRequest
        {
            Name = issued.Name, Etag = started.Etag, Actor = "UBND tỉnh Lạng Sơn", Reason = "đề án được phê duyệt", DocumentReference = "QĐ 1234/QĐ-UBND",
        });

        Assert.Equal(State.InProgress, started.State);
        Assert.Equal(State.Done, done.State);
        Assert.Equal([State.Issued, State.InProgress, State.Done], done.History.Select(h => h.State));
        Assert.Equal(["officials/chu-ngoc-anh", "Sở KH&CN tỉnh Lạng Sơn", "UBND tỉnh Lạng Sơn"], done.History.Select(h => h.Actor));
        Assert.Equal("QĐ 1234/QĐ-UBND", done.History[2].DocumentReference);
        Assert.Equal("\"3\"", done.Etag);
    }

    [Fact]
    public async Task CompletingAnIssuedDirectiveIsAnInvalidStateTransition()
    {
        var issued = await IssueAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 3)));

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            Client.CompleteDirectiveAsync(new CompleteDirectiveRequest { Name = issued.Name, Actor = "UBND tỉnh" }));

        var info = status.GetDetail<Google.Rpc.ErrorInfo>()!;
        Assert.Equal("INVALID_STATE_TRANSITION", info.Type);
        Assert.Equal("ISSUED", info.Metadata["from_state"]);
        Assert.Equal("DONE", info.Metadata["to_state"]);
    }

    [Fact]
    public async Task IssuerMustBeAKnownOfficial()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 4));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateDirectiveAsync(new CreateDirectiveRequest
        {
            Directive = new Directive { Province = "provinces/20", Engagement = engagement.Name, IssuedBy = "officials/no-such-person", Topic = "x" },
        }));
        var missing = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateDirectiveAsync(new CreateDirectiveRequest
        {
            Directive = new Directive { DueDate = new Google.Type.Date { Year = 2020, Month = 2, Day = 30 } },
        }));

        Assert.Equal(["directive.issued_by"], RpcErrorAssert.ViolatedFields(status));
        Assert.Equal(
            ["directive.due_date.day", "directive.issued_by", "directive.province", "directive.topic"],
            RpcErrorAssert.ViolatedFields(missing).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateMovesTheDeadlineAndRejectsStateInTheMask()
    {
        var issued = await IssueAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 5)));

        var updated = await Client.UpdateDirectiveAsync(new UpdateDirectiveRequest
        {
            Directive = new Directive { Name = issued.Name, Etag = issued.Etag, DueDate = Day(2021, 12, 31) },
            UpdateMask = Mask("due_date"),
        });
        var stateStatus = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateDirectiveAsync(new UpdateDirectiveRequest
        {
            Directive = new Directive { Name = issued.Name, State = State.Done },
            UpdateMask = Mask("state"),
        }));
        var staleStatus = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.UpdateDirectiveAsync(new UpdateDirectiveRequest
        {
            Directive = new Directive { Name = issued.Name, Etag = issued.Etag, Topic = "khác" },
            UpdateMask = Mask("topic"),
        }));

        Assert.Equal(Day(2021, 12, 31), updated.DueDate);
        Assert.Equal(issued.Topic, updated.Topic);
        Assert.Equal(["update_mask.paths[0]"], RpcErrorAssert.ViolatedFields(stateStatus));
        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(staleStatus));
    }

    [Fact]
    public async Task OpenDirectivesFilterByIssuerAndDeadline()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 6));
        var dueEarly = await IssueAsync(engagement, Day(2019, 12, 31));
        var dueLate = await IssueAsync(engagement, Day(2022, 12, 31));
        var finished = await IssueAsync(engagement, Day(2019, 12, 31));
        await Client.StartDirectiveAsync(new StartDirectiveRequest { Name = finished.Name, Actor = "Sở" });
        await Client.CompleteDirectiveAsync(new CompleteDirectiveRequest { Name = finished.Name, Actor = "Sở" });

        var listed = await Client.ListDirectivesAsync(new ListDirectivesRequest
        {
            Filter = $"engagement = \"{engagement.Name}\" AND issued_by = \"officials/chu-ngoc-anh\" AND open = true AND due_date < \"2020-06-01\"",
        });
        var byDeadline = await Client.ListDirectivesAsync(new ListDirectivesRequest
        {
            Filter = $"engagement = \"{engagement.Name}\"",
            OrderBy = "due_date desc",
        });

        Assert.Equal([dueEarly.Name], listed.Directives.Select(d => d.Name));
        Assert.Equal(dueLate.Name, byDeadline.Directives[0].Name);
        Assert.Equal(3, byDeadline.TotalSize);
    }

    [Fact]
    public async Task DeleteWithTheCurrentEtagRemovesIt()
    {
        var issued = await IssueAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2019, 7, 7)));

        await Client.DeleteDirectiveAsync(new DeleteDirectiveRequest { Name = issued.Name, Etag = issued.Etag });

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetDirectiveAsync(new GetDirectiveRequest { Name = issued.Name }));
        Assert.Equal(issued.Name, RpcErrorAssert.ResourceName(status));
    }

    private async Task<Directive> IssueAsync(Engagement engagement, Google.Type.Date? dueDate = null)
    {
        var directive = new Directive
        {
            Province = engagement.Province,
            Engagement = engagement.Name,
            IssuedBy = "officials/chu-ngoc-anh",
            Topic = "bảo tồn nguồn gen bản địa",
            Summary = "Our own summary.",
            DueDate = dueDate,
        };
        directive.Addressees.Add("Sở KH&CN tỉnh Lạng Sơn");
        directive.Addressees.Add("UBND tỉnh Lạng Sơn");
        return await Client.CreateDirectiveAsync(new CreateDirectiveRequest { DirectiveId = NewId("cd"), Directive = directive });
    }
}

public sealed class DirectiveApiTestsOnSqlite(SqliteProvincesService service)
    : DirectiveApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class DirectiveApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : DirectiveApiTests(service), IClassFixture<PostgreSqlProvincesService>;
