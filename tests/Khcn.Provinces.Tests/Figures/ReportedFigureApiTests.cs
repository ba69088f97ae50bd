using Khcn.Tests.Infrastructure;
using Grpc.Core;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using static Khcn.Provinces.Tests.Infrastructure.TestRecords;

namespace Khcn.Provinces.Tests.Figures;

/// <summary>Reported figures against the real service: kept as stated, disagreements side by side.</summary>
public abstract class ReportedFigureApiTests(ProvincesServiceFixture service)
{
    private static readonly DateRange Years2020To2021 = new()
    {
        StartDate = new Google.Type.Date { Year = 2020 },
        EndDate = new Google.Type.Date { Year = 2021 },
    };

    private ProvincesService.ProvincesServiceClient Client => service.Client;

    [Fact]
    public async Task DisagreeingReportsAreBothKeptAndPointAtEachOther()
    {
        var metric = NewMetric();
        var first = await ReportAsync("provinces/12", metric, 36, Years2020To2021, "doc-a");
        var second = await ReportAsync("provinces/12", metric, 38, Years2020To2021, "doc-b");
        var agreeing = await ReportAsync("provinces/12", metric, 38, Years2020To2021, "doc-c");

        var readFirst = await Client.GetReportedFigureAsync(new GetReportedFigureRequest { Name = first.Name });
        var readSecond = await Client.GetReportedFigureAsync(new GetReportedFigureRequest { Name = second.Name });

        Assert.Equal(36, readFirst.Value);
        Assert.Equal(38, readSecond.Value);
        Assert.Equal([second.Name, agreeing.Name], readFirst.ConflictingFigures);
        Assert.Equal([first.Name], readSecond.ConflictingFigures);
        Assert.Equal([first.Name], second.ConflictingFigures);
    }

    [Fact]
    public async Task ReportsOfTheSameThingListNextToEachOther()
    {
        var metric = NewMetric();
        var first = await ReportAsync("provinces/12", metric, 36, Years2020To2021, "doc-a");
        var otherPeriod = await ReportAsync("provinces/12", metric, 10, new DateRange { StartDate = new Google.Type.Date { Year = 2019 } }, "doc-b");
        var otherProvince = await ReportAsync("provinces/11", metric, 5, Years2020To2021, "doc-c");
        var second = await ReportAsync("provinces/12", metric, 38, Years2020To2021, "doc-d");

        var listed = await Client.ListReportedFiguresAsync(new ListReportedFiguresRequest { Filter = $"metric = \"{metric}\"" });

        var names = listed.ReportedFigures.Select(f => f.Name).ToList();
        Assert.Equal(4, names.Count);
        Assert.Equal(1, Math.Abs(names.IndexOf(first.Name) - names.IndexOf(second.Name)));
        Assert.Contains(otherPeriod.Name, names);
        Assert.Contains(otherProvince.Name, names);
        Assert.Equal([second.Name], listed.ReportedFigures.Single(f => f.Name == first.Name).ConflictingFigures);
        Assert.Empty(listed.ReportedFigures.Single(f => f.Name == otherProvince.Name).ConflictingFigures);
    }

    [Fact]
    public async Task ListFiltersBySourceDocumentAndProvinceLineage()
    {
        var metric = NewMetric();
        var document = NewId("doc");
        var underOldCode = await ReportAsync("provinces/45", metric, 12, Years2020To2021, document);
        await ReportAsync("provinces/20", metric, 12, Years2020To2021, document);

        var listed = await Client.ListReportedFiguresAsync(new ListReportedFiguresRequest
        {
            Filter = $"source.document_id = \"{document}\" AND province = \"provinces/44\"",
        });

        Assert.Equal([underOldCode.Name], listed.ReportedFigures.Select(f => f.Name));
    }

    [Fact]
    public async Task RetriedCreateWithTheSameRequestIdReturnsTheFirstResultAndStoresOneRow()
    {
        var metric = NewMetric();
        var request = new CreateReportedFigureRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ReportedFigure = Figure("provinces/12", metric, 80, Years2020To2021, "doc-a"),
        };

        var first = await Client.CreateReportedFigureAsync(request);
        var second = await Client.CreateReportedFigureAsync(request);

        Assert.Equal(first, second);
        Assert.Equal(1, await CountRowsAsync(service, db => db.ReportedFigures.CountAsync(f => f.Metric == metric)));
    }

    [Fact]
    public async Task InvalidFigureReportsEveryBadField()
    {
        var figure = new ReportedFigure
        {
            Metric = "Tasks Managed",
            Value = double.NaN,
            Period = new DateRange { StartDate = new Google.Type.Date { Year = 2022 }, EndDate = new Google.Type.Date { Year = 2021 } },
            Source = new Source(),
        };

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateReportedFigureAsync(new CreateReportedFigureRequest { ReportedFigure = figure }));

        Assert.Equal(
            [
                "reported_figure.metric",
                "reported_figure.period.end_date",
                "reported_figure.province",
                "reported_figure.source.document_id",
                "reported_figure.value",
            ],
            RpcErrorAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MissingFigureIsNotFoundWithItsName()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.NotFound, () =>
            Client.GetReportedFigureAsync(new GetReportedFigureRequest { Name = "reportedFigures/never-reported" }));

        Assert.Equal("reportedFigures/never-reported", RpcErrorAssert.ResourceName(status));
    }

    private static string NewMetric() => $"t_{Guid.NewGuid():N}";

    private static ReportedFigure Figure(string province, string metric, double value, DateRange period, string documentId) => new()
    {
        Province = province,
        Metric = metric,
        Value = value,
        Unit = "tasks",
        Period = period,
        Source = new Source { DocumentId = documentId, Title = "Bài viết" },
    };

    private async Task<ReportedFigure> ReportAsync(string province, string metric, double value, DateRange period, string documentId) =>
        await Client.CreateReportedFigureAsync(new CreateReportedFigureRequest
        {
            ReportedFigureId = NewId("rf"),
            ReportedFigure = Figure(province, metric, value, period, documentId),
        });
}

public sealed class ReportedFigureApiTestsOnSqlite(SqliteProvincesService service)
    : ReportedFigureApiTests(service), IClassFixture<SqliteProvincesService>;

public sealed class ReportedFigureApiTestsOnPostgreSql(PostgreSqlProvincesService service)
    : ReportedFigureApiTests(service), IClassFixture<PostgreSqlProvincesService>;
