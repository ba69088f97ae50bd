using System.Text.Json;
using Action = Khcn.Audit.V1.AuditEvent.Types.Action;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Audit.V1;
using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.Services.Tests.Records;
using Khcn.Services.Tests.Security;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Services.Tests.Audit;

/// <summary>
/// Every kind of write of each service shows up in its ListAuditEvents with the caller from the token, the request_id,
/// the trace of the call and the method; reading the log takes <c>audit.read</c>.
/// </summary>
public sealed class AuditLogApiTests(AuditedServices services) : IClassFixture<AuditedServices>
{
    private const string Subject = "tester@khcn.test";
    private const string ClientId = "khcn-services-tests";
    private const string Officer = "Sở Khoa học và Công nghệ";

    private string Auditor => services.Keys.Mint(KhcnClaims.Scopes.AuditRead);

    [Fact]
    public async Task Every_kind_of_task_write_is_audited_with_caller_request_id_trace_and_method()
    {
        var call = new AuditedCall();
        var writer = call.WithToken(Writer(["12"], KhcnClaims.Scopes.TasksWrite, KhcnClaims.Scopes.TasksRead));
        var tasks = new TasksService.TasksServiceClient(services.Tasks);
        var requestId = Guid.NewGuid().ToString();

        var created = await tasks.CreateTaskAsync(new CreateTaskRequest { Task = SampleTasks.LaiChauTopic(), RequestId = requestId }, writer);
        var update = new TaskMessage { Name = created.Name, Title = "Nghiên cứu khoai sọ Nậm Khao (sửa)" };
        await tasks.UpdateTaskAsync(new UpdateTaskRequest { Task = update, UpdateMask = new FieldMask { Paths = { "title" } } }, writer);
        await tasks.SelectTaskAsync(new SelectTaskRequest { Name = created.Name, Actor = Officer }, writer);
        // Only a PROPOSED task can be deleted: another one.
        var doomed = await tasks.CreateTaskAsync(new CreateTaskRequest { Task = SampleTasks.LaiChauTopic() }, writer);
        await tasks.DeleteTaskAsync(new DeleteTaskRequest { Name = doomed.Name }, writer);

        var events = await call.EventsAsync(new AuditService.AuditServiceClient(services.Tasks), call.WithToken(Auditor));

        Assert.Equal(
            ["CreateTask", "UpdateTask", "SelectTask", "CreateTask", "DeleteTask"],
            events.Select(e => e.Method.Replace("/khcn.tasks.v1.TasksService/", "", StringComparison.Ordinal)));
        Assert.All(events, e => AssertCaller(e, call));
        Assert.Equal([created.Name, created.Name, created.Name, doomed.Name, doomed.Name], events.Select(e => e.Resource));
        Assert.All(events, e => Assert.Equal("tasks.khcn.gov.vn/Task", e.ResourceType));
        var (create, rename, select, delete) = (events[0], events[1], events[2], events[4]);
        Assert.Equal(requestId, create.RequestId);
        Assert.Equal(Action.Create, create.Action);
        Assert.Equal("", create.Before);
        Assert.Equal(Action.Update, rename.Action);
        Assert.Contains("title", rename.ChangedFields);
        Assert.Equal("Nghiên cứu phát triển khoai sọ Nậm Khao", Column(rename.Before, "title"));
        Assert.Equal(update.Title, Column(rename.After, "title"));
        Assert.Equal(Action.Update, select.Action);
        Assert.Contains("state", select.ChangedFields);
        Assert.Equal(Action.Delete, delete.Action);
        Assert.Equal("", delete.After);
    }

    [Fact]
    public async Task Tasks_imported_through_the_stream_are_audited_with_the_caller()
    {
        var call = new AuditedCall();
        var writer = call.WithToken(Writer(["12"], KhcnClaims.Scopes.TasksWrite));
        using var import = new TasksService.TasksServiceClient(services.Tasks).ImportTasks(writer);
        var taskId = "task-" + Guid.NewGuid().ToString("N")[..16];
        await import.RequestStream.WriteAsync(new ImportTasksRequest { RequestId = Guid.NewGuid().ToString(), TaskId = taskId, Task = SampleTasks.LaiChauTopic() });
        await import.RequestStream.CompleteAsync();
        var response = await import;
        Assert.Equal(1, response.CreatedCount);

        var events = await call.EventsAsync(new AuditService.AuditServiceClient(services.Tasks), call.WithToken(Auditor));

        var imported = Assert.Single(events);
        AssertCaller(imported, call);
        Assert.Equal("/khcn.tasks.v1.TasksService/ImportTasks", imported.Method);
        Assert.Equal(Action.Create, imported.Action);
        Assert.Equal($"tasks/{taskId}", imported.Resource);
    }

    [Fact]
    public async Task Every_kind_of_engagement_write_is_audited_in_the_provinces_log()
    {
        var call = new AuditedCall();
        var writer = call.WithToken(Writer(["20"], KhcnClaims.Scopes.ProvincesWrite));
        var provinces = new ProvincesService.ProvincesServiceClient(services.Provinces);
        var requestId = Guid.NewGuid().ToString();

        var created = await provinces.CreateEngagementAsync(
            new CreateEngagementRequest { Engagement = LangSonSession(), EngagementId = "eng-" + Guid.NewGuid().ToString("N"), RequestId = requestId }, writer);
        await provinces.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = created.Name, Title = "Buổi làm việc (sửa)" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, writer);
        await provinces.DeleteEngagementAsync(new DeleteEngagementRequest { Name = created.Name }, writer);

        var events = await call.EventsAsync(new AuditService.AuditServiceClient(services.Provinces), call.WithToken(Auditor));

        Assert.Equal([Action.Create, Action.Update, Action.Delete], events.Select(e => e.Action));
        Assert.All(events, e => AssertCaller(e, call));
        Assert.All(events, e => Assert.Equal(created.Name, e.Resource));
        Assert.Equal(requestId, events[0].RequestId);
        Assert.Equal("/khcn.provinces.v1.ProvincesService/UpdateEngagement", events[1].Method);
        Assert.Equal("Buổi làm việc (sửa)", Column(events[1].After, "title"));
    }

    [Fact]
    public async Task Every_kind_of_asset_write_is_audited_in_the_intellectual_property_log()
    {
        var call = new AuditedCall();
        var writer = call.WithToken(Writer(["12"], KhcnClaims.Scopes.IntellectualPropertyWrite, KhcnClaims.Scopes.IntellectualPropertyRead));
        var ip = new IntellectualPropertyService.IntellectualPropertyServiceClient(services.IntellectualProperty);

        var created = await ip.CreateAssetAsync(new CreateAssetRequest { Asset = LaiChauMark() }, writer);
        await ip.UpdateAssetAsync(new UpdateAssetRequest
        {
            Asset = new Asset { Name = created.Name, Title = "Gạo Séng Cù Mường Than" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, writer);
        await ip.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = created.Name, Actor = "Cục Sở hữu trí tuệ" }, writer);
        // Only a FILED asset can be deleted: another one.
        var doomed = await ip.CreateAssetAsync(new CreateAssetRequest { Asset = LaiChauMark() }, writer);
        await ip.DeleteAssetAsync(new DeleteAssetRequest { Name = doomed.Name }, writer);

        var events = await call.EventsAsync(new AuditService.AuditServiceClient(services.IntellectualProperty), call.WithToken(Auditor));

        Assert.Equal(
            ["CreateAsset", "UpdateAsset", "StartAssetFormalityExamination", "CreateAsset", "DeleteAsset"],
            events.Select(e => e.Method.Replace("/khcn.ip.v1.IntellectualPropertyService/", "", StringComparison.Ordinal)));
        Assert.All(events, e => AssertCaller(e, call));
        Assert.Equal([created.Name, created.Name, created.Name, doomed.Name, doomed.Name], events.Select(e => e.Resource));
        Assert.Equal([Action.Create, Action.Update, Action.Update, Action.Create, Action.Delete], events.Select(e => e.Action));
        Assert.Contains("state", events[2].ChangedFields);
    }

    [Fact]
    public async Task Listing_the_audit_log_without_audit_read_is_permission_denied()
    {
        var call = new AuditedCall();
        var everythingButAudit = services.Keys.Mint(
            new TokenShape([KhcnClaims.Scopes.TasksRead, KhcnClaims.Scopes.TasksWrite, KhcnClaims.Scopes.ProvincesRead]) { Provinces = ["12"] });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new AuditService.AuditServiceClient(services.Tasks).ListAuditEventsAsync(new ListAuditEventsRequest(), call.WithToken(everythingButAudit)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var info = SecuredCalls.ErrorInfoOf(error);
        Assert.Equal("audit.read", info.Metadata["required_scope"]);
        Assert.Equal("/khcn.audit.v1.AuditService/ListAuditEvents", info.Metadata["method"]);
    }

    [Fact]
    public async Task The_ministry_token_reads_the_audit_log()
    {
        var call = new AuditedCall();
        var writer = call.WithToken(Writer(["20"], KhcnClaims.Scopes.ProvincesWrite));
        await new ProvincesService.ProvincesServiceClient(services.Provinces).CreateEngagementAsync(
            new CreateEngagementRequest { Engagement = LangSonSession() }, writer);

        var events = await call.EventsAsync(
            new AuditService.AuditServiceClient(services.Provinces), call.WithToken(services.Keys.Mint(KhcnClaims.Scopes.Ministry)));

        Assert.Equal(Action.Create, Assert.Single(events).Action);
    }

    [Fact]
    public async Task Without_authentication_the_actor_is_anonymous()
    {
        var call = new AuditedCall();
        await new ProvincesService.ProvincesServiceClient(services.AnonymousProvinces).CreateEngagementAsync(
            new CreateEngagementRequest { Engagement = LangSonSession() }, call.WithoutToken());

        var events = await call.EventsAsync(new AuditService.AuditServiceClient(services.AnonymousProvinces), call.WithoutToken());

        var created = Assert.Single(events);
        Assert.Equal("anonymous", created.Actor);
        Assert.Equal("", created.ClientId);
        Assert.Equal(call.TraceId, created.TraceId);
    }

    [Fact]
    public async Task Filters_select_events_and_small_pages_walk_them_all_newest_first()
    {
        var call = new AuditedCall();
        var writer = call.WithToken(Writer(["20"], KhcnClaims.Scopes.ProvincesWrite));
        var provinces = new ProvincesService.ProvincesServiceClient(services.Provinces);
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            names.Add((await provinces.CreateEngagementAsync(new CreateEngagementRequest { Engagement = LangSonSession($"Phiên {i}") }, writer)).Name);
        }
        await provinces.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = names[1], Title = "Phiên 1 (sửa)" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, writer);
        var audit = new AuditService.AuditServiceClient(services.Provinces);
        var reader = call.WithToken(Auditor);
        var ofThisTrace = $"trace_id = \"{call.TraceId}\"";

        var walked = new List<AuditEvent>();
        var request = new ListAuditEventsRequest { Filter = ofThisTrace, PageSize = 1 };
        do
        {
            var page = await audit.ListAuditEventsAsync(request, reader);
            Assert.True(page.AuditEvents.Count <= 1);
            Assert.Equal(4, page.TotalSize);
            walked.AddRange(page.AuditEvents);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        var updates = await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Filter = $"{ofThisTrace} AND action = UPDATE" }, reader);
        var ofOne = await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Filter = $"{ofThisTrace} AND resource = \"{names[1]}\"" }, reader);
        var byActor = await audit.ListAuditEventsAsync(
            new ListAuditEventsRequest { Filter = $"{ofThisTrace} AND actor = \"{Subject}\" AND method = \"/khcn.provinces.v1.ProvincesService/CreateEngagement\"" }, reader);

        Assert.Equal([names[1], names[2], names[1], names[0]], walked.Select(e => e.Resource));
        Assert.Equal(walked.Select(e => e.Name).OrderByDescending(SequenceOf), walked.Select(e => e.Name));
        Assert.Equal(names[1], Assert.Single(updates.AuditEvents).Resource);
        Assert.Equal([Action.Update, Action.Create], ofOne.AuditEvents.Select(e => e.Action));
        Assert.Equal(3, byActor.AuditEvents.Count);
    }

    private string Writer(string[] provinces, params string[] scopes) =>
        // provinces.read too: without a service token of their own, Tasks and IntellectualProperty read the province
        // catalog with the caller's token.
        services.Keys.Mint(new TokenShape([.. scopes, KhcnClaims.Scopes.ProvincesRead]) { Provinces = provinces });

    private static void AssertCaller(AuditEvent audited, AuditedCall call)
    {
        Assert.Equal(Subject, audited.Actor);
        Assert.Equal(ClientId, audited.ClientId);
        Assert.Equal(call.TraceId, audited.TraceId);
        Assert.Matches("^auditEvents/[0-9]+$", audited.Name);
    }

    private static long SequenceOf(string name) => long.Parse(name["auditEvents/".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static string? Column(string json, string column) => JsonDocument.Parse(json).RootElement.GetProperty(column).GetString();

    private static Engagement LangSonSession(string title = "Buổi làm việc thử nghiệm") => new()
    {
        Province = "provinces/20",
        Kind = EngagementKind.WorkingSession,
        Date = new Google.Type.Date { Year = 2019, Month = 7, Day = 1 },
        Title = title,
        Chair = "officials/chu-ngoc-anh",
        Source = new Source { DocumentId = "test-doc", Title = "Bài viết thử nghiệm", Author = "Phóng viên" },
        Summary = "Our own summary.",
    };

    private static Asset LaiChauMark() => new()
    {
        Kind = AssetKind.Mark,
        MarkType = MarkType.Certification,
        Title = "Gạo Séng Cù Lai Châu",
        Holder = new Holder { DisplayName = "Sở Khoa học và Công nghệ tỉnh Lai Châu", Kind = Holder.Types.Kind.StateAgency, Address = "Lai Châu" },
        ProvinceCode = "12",
        FilingDate = new Google.Type.Date { Year = 2015, Month = 3, Day = 10 },
        NiceClasses = { 30 },
        Representation = MarkRepresentation.Combined,
    };
}
