using Khcn.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using static Khcn.Provinces.Tests.Infrastructure.TestRecords;
using State = Khcn.Provinces.V1.Recommendation.Types.State;

namespace Khcn.Provinces.Tests.Recommendations;

/// <summary>Recommendations against the real service: raising, the lifecycle verbs with history, updates and lists.</summary>
public abstract class RecommendationApiTests(ProvincesServiceFixture service)
{
    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task RaisedAtAnEngagementStartsRaisedAtMidnightOfTheMeetingDateInVietNam()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/45", Day(2023, 11, 29));

        var raised = await RaiseAsync(engagement);

        Assert.Equal(State.Raised, raised.State);
        var expected = Timestamp.FromDateTime(new DateTime(2023, 11, 28, 17, 0, 0, DateTimeKind.Utc));
        Assert.Equal(expected, raised.RaiseTime);
        var entry = Assert.Single(raised.History);
        Assert.Equal(State.Raised, entry.State);
        Assert.Equal(engagement.Name, entry.Actor);
        Assert.Equal(expected, entry.EventTime);
        Assert.Equal("test-doc", entry.DocumentReference);
        Assert.Equal(raised, await Client.GetRecommendationAsync(new GetRecommendationRequest { Name = raised.Name }));
    }

    [Fact]
    public async Task FullLifecycleKeepsEveryStepWithItsActorAndReason()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/12", Day(2022, 1, 22));
        var raised = await RaiseAsync(engagement);
        var answeredOn = Timestamp.FromDateTime(new DateTime(2022, 3, 15, 2, 0, 0, DateTimeKind.Utc));

        var assigned = await Client.AssignRecommendationAsync(new AssignRecommendationRequest
        {
            Name = raised.Name, Etag = raised.Etag, Actor = "Văn phòng Bộ", Assignee = "Vụ Kế hoạch - Tài chính", Reason = "đúng chức năng",
        });
        var started = await Client.StartRecommendationAsync(new StartRecommendationRequest
        {
            Name = raised.Name, Etag = assigned.Etag, Actor = "Vụ Kế hoạch - Tài chính", Reason = "đang rà soát",
        });
        var answered = await Client.AnswerRecommendationAsync(new AnswerRecommendationRequest
        {
            Name = raised.Name,
            Actor = "Bộ trưởng",
            Answer = "Bộ bố trí thêm kinh phí sự nghiệp",
            Reason = "đã cân đối ngân sách",
            DocumentReference = "CV 789/BKHCN-KHTC",
            EventTime = answeredOn,
        });

        Assert.Equal(State.Assigned, assigned.State);
        Assert.Equal("Vụ Kế hoạch - Tài chính", assigned.Assignee);
        Assert.Equal(State.InProgress, started.State);
        Assert.Equal(State.Answered, answered.State);
        Assert.Equal("Bộ bố trí thêm kinh phí sự nghiệp", answered.Resolution);
        Assert.Equal("\"4\"", answered.Etag);
        Assert.Equal(
            [State.Raised, State.Assigned, State.InProgress, State.Answered],
            answered.History.Select(h => h.State));
        Assert.Equal(
            [engagement.Name, "Văn phòng Bộ", "Vụ Kế hoạch - Tài chính", "Bộ trưởng"],
            answered.History.Select(h => h.Actor));
        Assert.Equal(["", "đúng chức năng", "đang rà soát", "đã cân đối ngân sách"], answered.History.Select(h => h.Reason));
        Assert.Equal(answeredOn, answered.History[3].EventTime);
        Assert.Equal("CV 789/BKHCN-KHTC", answered.History[3].DocumentReference);
        Assert.Equal(answered, await Client.GetRecommendationAsync(new GetRecommendationRequest { Name = raised.Name }));
    }

    [Fact]
    public async Task AnsweringARaisedRecommendationIsAnInvalidStateTransition()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 1, 12)));

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () => Client.AnswerRecommendationAsync(
            new AnswerRecommendationRequest { Name = raised.Name, Actor = "Bộ trưởng", Answer = "quá sớm" }));

        var info = status.GetDetail<Google.Rpc.ErrorInfo>()!;
        Assert.Equal("INVALID_STATE_TRANSITION", info.Type);
        Assert.Equal("RAISED", info.Metadata["from_state"]);
        Assert.Equal("ANSWERED", info.Metadata["to_state"]);
        Assert.Equal(raised, await Client.GetRecommendationAsync(new GetRecommendationRequest { Name = raised.Name }));
    }

    [Fact]
    public async Task NothingIsAllowedAfterAnswered()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 1, 13)));
        await Client.AssignRecommendationAsync(new AssignRecommendationRequest { Name = raised.Name, Actor = "a", Assignee = "b" });
        await Client.StartRecommendationAsync(new StartRecommendationRequest { Name = raised.Name, Actor = "b" });
        await Client.AnswerRecommendationAsync(new AnswerRecommendationRequest { Name = raised.Name, Actor = "b", Answer = "xong" });

        foreach (var call in new Func<AsyncUnaryCall<Recommendation>>[]
        {
            () => Client.DeclineRecommendationAsync(new DeclineRecommendationRequest { Name = raised.Name, Actor = "b", Reason = "muộn" }),
            () => Client.AnswerRecommendationAsync(new AnswerRecommendationRequest { Name = raised.Name, Actor = "b", Answer = "lần hai" }),
            () => Client.StartRecommendationAsync(new StartRecommendationRequest { Name = raised.Name, Actor = "b" }),
            () => Client.AssignRecommendationAsync(new AssignRecommendationRequest { Name = raised.Name, Actor = "a", Assignee = "c" }),
        })
        {
            var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, call);
            Assert.Equal("ANSWERED", status.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["from_state"]);
        }

        Assert.Equal(4, (await Client.GetRecommendationAsync(new GetRecommendationRequest { Name = raised.Name })).History.Count);
    }

    [Fact]
    public async Task DeclineFromRaisedRecordsTheReasonAsTheResolution()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 1, 14)));

        var declined = await Client.DeclineRecommendationAsync(new DeclineRecommendationRequest
        {
            Name = raised.Name, Etag = raised.Etag, Actor = "Bộ trưởng", Reason = "thuộc thẩm quyền địa phương",
        });

        Assert.Equal(State.Declined, declined.State);
        Assert.Equal("thuộc thẩm quyền địa phương", declined.Resolution);
        Assert.Equal([State.Raised, State.Declined], declined.History.Select(h => h.State));
    }

    [Fact]
    public async Task VerbsRequireTheirFields()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 1, 15)));

        var decline = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.DeclineRecommendationAsync(new DeclineRecommendationRequest { Name = raised.Name }));
        var assign = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.AssignRecommendationAsync(new AssignRecommendationRequest { Name = raised.Name }));

        Assert.Equal(["actor", "reason"], RpcErrorAssert.ViolatedFields(decline).Order(StringComparer.Ordinal));
        Assert.Equal(["actor", "assignee"], RpcErrorAssert.ViolatedFields(assign).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VerbWithAStaleEtagIsAborted()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 1, 16)));
        await Client.AssignRecommendationAsync(new AssignRecommendationRequest { Name = raised.Name, Actor = "a", Assignee = "b" });

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.StartRecommendationAsync(
            new StartRecommendationRequest { Name = raised.Name, Etag = raised.Etag, Actor = "b" }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(raised.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task OpenRecommendationsOfAProvinceIncludeItsMergedCodesOldestFirst()
    {
        var before = await CreateEngagementAsync(Client, "provinces/45", Day(2024, 3, 4));
        var after = await CreateEngagementAsync(Client, "provinces/44", Day(2025, 8, 1));
        var newer = await RaiseAsync(after);
        var older = await RaiseAsync(before);
        var closed = await RaiseAsync(before);
        await Client.DeclineRecommendationAsync(new DeclineRecommendationRequest { Name = closed.Name, Actor = "Bộ", Reason = "trùng" });

        var listed = await Client.ListRecommendationsAsync(new ListRecommendationsRequest
        {
            Filter = "province = \"provinces/44\" AND open = true",
            PageSize = 1000,
        });

        var names = listed.Recommendations.Select(r => r.Name).ToList();
        Assert.True(names.IndexOf(older.Name) >= 0 && names.IndexOf(older.Name) < names.IndexOf(newer.Name));
        Assert.DoesNotContain(closed.Name, names);
        Assert.All(listed.Recommendations, r => Assert.Contains(r.Province, new[] { "provinces/44", "provinces/45" }));
        Assert.All(listed.Recommendations, r => Assert.NotEqual(State.Declined, r.State));
        var times = listed.Recommendations.Select(r => r.RaiseTime.ToDateTime()).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task ProvinceOutsideTheEngagementsLineageIsRefused()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/20", Day(2021, 2, 2));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            Recommendation = new Recommendation { Province = "provinces/12", Engagement = engagement.Name, Addressee = Addressee.Ministry, Topic = "x" },
        }));

        Assert.Equal(["recommendation.province"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task InvalidRecommendationReportsEveryBadField()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            Recommendation = new Recommendation { Engagement = "engagements/never-held" },
        }));

        Assert.Equal(
            ["recommendation.addressee", "recommendation.engagement", "recommendation.province", "recommendation.topic"],
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecommendationWithoutEngagementUsesTodaysProvinceCodes()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            Recommendation = new Recommendation { Province = "provinces/45", Addressee = Addressee.PeoplesCommittee, Topic = "trụ sở" },
        }));
        var raised = await Client.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            Recommendation = new Recommendation { Province = "provinces/44", Addressee = Addressee.PeoplesCommittee, Topic = "trụ sở" },
        });

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        Assert.Equal("provinces/44", Assert.Single(raised.History).Actor);
        Assert.Equal(raised.CreateTime, raised.RaiseTime);
    }

    [Fact]
    public async Task RetriedCreateWithTheSameRequestIdReturnsTheFirstResultAndStoresOneRow()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/20", Day(2021, 3, 3));
        var request = new CreateRecommendationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Recommendation = new Recommendation { Province = "provinces/20", Engagement = engagement.Name, Addressee = Addressee.Ministry, Topic = "đào tạo" },
        };

        var first = await Client.CreateRecommendationAsync(request);
        var second = await Client.CreateRecommendationAsync(request);

        Assert.Equal(first, second);
        var engagementId = engagement.Name["engagements/".Length..];
        Assert.Equal(1, await CountRowsAsync(service, db => db.Recommendations.CountAsync(r => r.EngagementId == engagementId)));
    }

    [Fact]
    public async Task UpdateChangesTheDescriptionAndKeepsTheState()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 4, 4)));

        var updated = await Client.UpdateRecommendationAsync(new UpdateRecommendationRequest
        {
            Recommendation = new Recommendation { Name = raised.Name, Etag = raised.Etag, Topic = "truy xuất nguồn gốc", Addressee = Addressee.OtherAddressee },
            UpdateMask = Mask("topic", "addressee"),
        });

        Assert.Equal("truy xuất nguồn gốc", updated.Topic);
        Assert.Equal(Addressee.OtherAddressee, updated.Addressee);
        Assert.Equal(State.Raised, updated.State);
        Assert.Equal(raised.History, updated.History);
        Assert.Equal("\"2\"", updated.Etag);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("history")]
    [InlineData("assignee")]
    [InlineData("province")]
    [InlineData("engagement")]
    [InlineData("unknown_field")]
    public async Task UpdateMaskWithOutputOnlyImmutableOrUnknownPathIsInvalid(string path)
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 4, 5)));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateRecommendationAsync(new UpdateRecommendationRequest
        {
            Recommendation = new Recommendation { Name = raised.Name, State = State.Answered, Province = "provinces/12" },
            UpdateMask = Mask(path),
        }));

        Assert.Equal(["update_mask.paths[0]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task DeleteWithTheCurrentEtagRemovesIt()
    {
        var raised = await RaiseAsync(await CreateEngagementAsync(Client, "provinces/20", Day(2021, 5, 5)));

        await RpcErrorAssert.FailsWith(StatusCode.Aborted, () =>
            Client.DeleteRecommendationAsync(new DeleteRecommendationRequest { Name = raised.Name, Etag = "\"9\"" }));
        await Client.DeleteRecommendationAsync(new DeleteRecommendationRequest { Name = raised.Name, Etag = raised.Etag });

        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () =>
            Client.GetRecommendationAsync(new GetRecommendationRequest { Name = raised.Name }));
        Assert.Equal(raised.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task PagesOfAnEngagementsRecommendationsHaveNoGapsOrRepeats()
    {
        var engagement = await CreateEngagementAsync(Client, "provinces/20", Day(2021, 6, 6));
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await RaiseAsync(engagement)).Name);
        }

        var request = new ListRecommendationsRequest { Filter = $"engagement = \"{engagement.Name}\"", PageSize = 3, OrderBy = "create_time desc" };
        var seen = new List<string>();
        var pages = 0;
        do
        {
            var page = await Client.ListRecommendationsAsync(request);
            Assert.Equal(7, page.TotalSize);
            seen.AddRange(page.Recommendations.Select(r => r.Name));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken != "");

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    private async Task<Recommendation> RaiseAsync(Engagement engagement) =>
        await Client.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            RecommendationId = NewId("kn"),
            Recommendation = new Recommendation
            {
                Province = engagement.Province,
                Engagement = engagement.Name,
                Addressee = Addressee.Ministry,
                Topic = "kinh phí sự nghiệp KH&CN",
                Summary = "Our own summary.",
            },
        });
}

public sealed class RecommendationApiTestsOnSqlite(SqliteProvincesService service)
    : RecommendationApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class RecommendationApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : RecommendationApiTests(service), IClassFixture<PostgreSqlProvincesService>;
