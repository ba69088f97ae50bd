using Khcn.Tests.Infrastructure;
using System.Text;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using static Khcn.Provinces.Tests.Infrastructure.TestRecords;

namespace Khcn.Provinces.Tests.Engagements;

/// <summary>Engagements against the real service: CRUD, idempotent creates, etags, validation, province codes by date.</summary>
public abstract class EngagementApiTests(ProvincesServiceFixture service)
{
    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task CreatedEngagementReadsBackAndListsUnderItsProvince()
    {
        var id = NewId("eng");
        var input = NewEngagement("provinces/20", Day(2021, 4, 7));
        input.Participants.Add(new Participant { Official = "officials/lam-thi-phuong-thanh", Capacity = "Bí thư Tỉnh ủy" });
        input.Participants.Add(new Participant { DisplayName = "Nguyễn Văn Khách", Capacity = "Khách mời" });
        input.PeriodReviewed = new DateRange { StartDate = new Google.Type.Date { Year = 2020 }, EndDate = new Google.Type.Date { Year = 2021 } };

        var created = await Client.CreateEngagementAsync(new CreateEngagementRequest { EngagementId = id, Engagement = input });

        Assert.Equal($"engagements/{id}", created.Name);
        Assert.Equal("\"1\"", created.Etag);
        Assert.Equal(input.Participants, created.Participants);
        Assert.Equal(input.PeriodReviewed, created.PeriodReviewed);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal(created, await Client.GetEngagementAsync(new GetEngagementRequest { Name = created.Name }));
        var listed = await Client.ListEngagementsAsync(new ListEngagementsRequest
        {
            Filter = "province = \"provinces/20\" AND date = \"2021-04-07\" AND kind = WORKING_SESSION",
            PageSize = 1000,
        });
        Assert.Contains(created, listed.Engagements);
        Assert.All(listed.Engagements, e => Assert.Equal("provinces/20", e.Province));
    }

    [Fact]
    public async Task TextIsStoredInNfc()
    {
        var decomposed = "Quảng Trị làm việc".Normalize(NormalizationForm.FormD);

        var created = await Client.CreateEngagementAsync(new CreateEngagementRequest
        {
            Engagement = NewEngagement("provinces/45", Day(2023, 11, 29), decomposed),
        });

        Assert.Equal("Quảng Trị làm việc".Normalize(NormalizationForm.FormC), created.Title);
        Assert.NotEqual(decomposed, created.Title);
    }

    [Fact]
    public async Task RetriedCreateWithTheSameRequestIdReturnsTheFirstResultAndStoresOneRow()
    {
        var title = NewId("retried");
        var request = new CreateEngagementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Engagement = NewEngagement("provinces/20", Day(2020, 5, 5), title),
        };

        var first = await Client.CreateEngagementAsync(request);
        var second = await Client.CreateEngagementAsync(request);

        Assert.Equal(first, second);
        Assert.Equal(1, await CountRowsAsync(service, db => db.Engagements.CountAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task ConcurrentCreatesWithTheSameRequestIdStoreOneRowAndAnswerAlike()
    {
        var title = NewId("concurrent");
        var request = new CreateEngagementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Engagement = NewEngagement("provinces/20", Day(2020, 5, 6), title),
        };

        var answers = await Task.WhenAll(
            Client.CreateEngagementAsync(request).ResponseAsync,
            Client.CreateEngagementAsync(request).ResponseAsync);

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(1, await CountRowsAsync(service, db => db.Engagements.CountAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task CreateWithATakenIdAlreadyExists()
    {
        var created = await CreateEngagementAsync(Client, "provinces/20", Day(2020, 1, 1));

        var status = await RpcErrorAssert.FailsWith(StatusCode.AlreadyExists, () => Client.CreateEngagementAsync(new CreateEngagementRequest
        {
            EngagementId = created.Name["engagements/".Length..],
            Engagement = NewEngagement("provinces/20", Day(2020, 1, 1)),
        }));

        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task InvalidEngagementReportsEveryBadField()
    {
        var engagement = new Engagement
        {
            Chair = "officials/nobody-by-this-name",
            PeriodReviewed = new DateRange { StartDate = Day(2021, 1, 1), EndDate = Day(2020, 12, 31) },
            Source = new Source { Title = "no document id" },
        };
        engagement.Participants.Add(new Participant { Capacity = "nobody" });

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateEngagementAsync(new CreateEngagementRequest { Engagement = engagement }));

        Assert.Equal(
            new[]
            {
                "engagement.chair",
                "engagement.date",
                "engagement.kind",
                "engagement.participants[0].display_name",
                "engagement.period_reviewed.end_date",
                "engagement.province",
                "engagement.source.document_id",
            },
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProvinceCodeClosedOnTheEngagementDateIsRefusedWithTheCodeToUse()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateEngagementAsync(new CreateEngagementRequest { Engagement = NewEngagement("provinces/45", Day(2026, 3, 2)) }));

        Assert.Equal("PROVINCE_CODE_CLOSED", RpcErrorAssert.Reason(status));
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("engagement.province", violation.Field);
        Assert.Contains("provinces/44", violation.Description);
    }

    [Fact]
    public async Task ProvinceCodeInUseOnTheEngagementDateIsAccepted()
    {
        var created = await CreateEngagementAsync(Client, "provinces/45", Day(2023, 11, 29));

        Assert.Equal("provinces/45", created.Province);
    }

    [Fact]
    public async Task UpdateChangesOnlyTheMaskedFieldsAndBumpsTheEtag()
    {
        var created = await CreateEngagementAsync(Client, "provinces/20", Day(2022, 2, 2));

        var updated = await Client.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = created.Name, Etag = created.Etag, Title = "Tiêu đề mới", Summary = "ignored" },
            UpdateMask = Mask("title"),
        });

        Assert.Equal("Tiêu đề mới", updated.Title);
        Assert.Equal(created.Summary, updated.Summary);
        Assert.Equal(created.Source, updated.Source);
        Assert.Equal("\"2\"", updated.Etag);
        Assert.True(updated.UpdateTime.ToDateTime() >= created.UpdateTime.ToDateTime());
        Assert.Equal(updated, await Client.GetEngagementAsync(new GetEngagementRequest { Name = created.Name }));
    }

    [Fact]
    public async Task MovingTheDateRechecksTheProvinceCode()
    {
        var created = await CreateEngagementAsync(Client, "provinces/45", Day(2024, 5, 5));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = created.Name, Date = Day(2025, 9, 1) },
            UpdateMask = Mask("date"),
        }));

        Assert.Equal(["engagement.province"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task UpdateWithAStaleEtagIsAborted()
    {
        var created = await CreateEngagementAsync(Client, "provinces/20", Day(2022, 3, 3));
        await Client.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = created.Name, Etag = created.Etag, Summary = "first" },
            UpdateMask = Mask("summary"),
        });

        var status = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () => Client.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = created.Name, Etag = created.Etag, Summary = "second" },
            UpdateMask = Mask("summary"),
        }));

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(status));
        Assert.Equal(created.Name, RpcErrorAssert.ResourceName(status));
    }

    [Theory]
    [InlineData("etag")]
    [InlineData("create_time")]
    [InlineData("name")]
    [InlineData("no_such_field")]
    public async Task UpdateMaskNamingAFieldThatCannotBeUpdatedIsInvalid(string path)
    {
        var created = await CreateEngagementAsync(Client, "provinces/20", Day(2022, 4, 4));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.UpdateEngagementAsync(new UpdateEngagementRequest
        {
            Engagement = new Engagement { Name = created.Name },
            UpdateMask = Mask(path),
        }));

        Assert.Equal(["update_mask.paths[0]"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task MissingEngagementIsNotFoundWithItsName()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () =>
            Client.GetEngagementAsync(new GetEngagementRequest { Name = "engagements/never-recorded" }));

        Assert.Equal("engagements/never-recorded", RpcErrorAssert.ResourceName(status));
    }

    [Fact]
    public async Task DeleteChecksTheEtagAndRemovesTheEngagement()
    {
        var created = await CreateEngagementAsync(Client, "provinces/20", Day(2022, 6, 6));

        var stale = await RpcErrorAssert.FailsWith(StatusCode.Aborted, () =>
            Client.DeleteEngagementAsync(new DeleteEngagementRequest { Name = created.Name, Etag = "\"7\"" }));
        await Client.DeleteEngagementAsync(new DeleteEngagementRequest { Name = created.Name, Etag = created.Etag });

        Assert.Equal("ETAG_MISMATCH", RpcErrorAssert.Reason(stale));
        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetEngagementAsync(new GetEngagementRequest { Name = created.Name }));
    }

    [Fact]
    public async Task DeletingAnEngagementThatRecordsRecommendationsIsRefused()
    {
        var created = await CreateEngagementAsync(Client, "provinces/20", Day(2022, 7, 7));
        await Client.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            Recommendation = new Recommendation
            {
                Province = "provinces/20", Engagement = created.Name, Addressee = Addressee.Ministry, Topic = "kinh phí",
            },
        });

        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            Client.DeleteEngagementAsync(new DeleteEngagementRequest { Name = created.Name }));

        Assert.Equal("ENGAGEMENT_IN_USE", RpcErrorAssert.Reason(status));
        Assert.Equal("1", status.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["recommendations"]);
        Assert.Equal(created, await Client.GetEngagementAsync(new GetEngagementRequest { Name = created.Name }));
    }

    [Fact]
    public async Task PagesWalkEveryMatchNewestFirstWithoutGapsOrRepeats()
    {
        // A month of Điện Biên engagements no other test uses.
        var created = new List<string>();
        foreach (var day in new[] { 3, 9, 14, 14, 21 })
        {
            created.Add((await CreateEngagementAsync(Client, "provinces/11", Day(2018, 10, day))).Name);
        }

        var request = new ListEngagementsRequest
        {
            Filter = "province = \"provinces/11\" AND date >= \"2018-10-01\" AND date <= \"2018-10-31\"",
            PageSize = 2,
        };
        var seen = new List<Engagement>();
        do
        {
            var page = await Client.ListEngagementsAsync(request);
            Assert.Equal(5, page.TotalSize);
            Assert.True(page.Engagements.Count <= 2);
            seen.AddRange(page.Engagements);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            seen.Select(e => e.Date.Day).OrderDescending(),
            seen.Select(e => e.Date.Day));
    }
}

public sealed class EngagementApiTestsOnSqlite(SqliteProvincesService service)
    : EngagementApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class EngagementApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : EngagementApiTests(service), IClassFixture<PostgreSqlProvincesService>;
