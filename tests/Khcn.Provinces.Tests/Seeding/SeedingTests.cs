using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Khcn.Provinces.Data;
using Khcn.Provinces.Grpc;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.Tests.Domain;
using Khcn.Provinces.V1;
using Khcn.Services.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Net.Client;

namespace Khcn.Provinces.Tests.Seeding;

/// <summary>Start-up seeding: everything in the seed files arrives once, and restarts neither duplicate nor overwrite.</summary>
public abstract class SeedingTests
{
    /// <summary>Settings selecting a fresh, empty database of the provider under test.</summary>
    protected abstract Task<string[]> FreshDatabaseArgumentsAsync();

    [Fact]
    public async Task RestartingOnTheSameDatabaseAddsNothingAndKeepsEdits()
    {
        var database = await FreshDatabaseArgumentsAsync();

        RowCounts first;
        string editedAddress = "Số 1, đường Thử Nghiệm, Lạng Sơn";
        await using (var host = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, database))
        {
            first = await CountRowsAsync(host);
            using var channel = GrpcChannel.ForAddress(host.Address);
            var client = new ProvincesService.ProvincesServiceClient(channel);
            var mask = new FieldMask();
            mask.Paths.Add("address");
            await client.UpdateDepartmentAsync(new UpdateDepartmentRequest
            {
                Department = new Department { Name = "provinces/20/department", Address = editedAddress },
                UpdateMask = mask,
            });
        }

        await using (var host = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, database))
        {
            Assert.Equal(first, await CountRowsAsync(host));
            using var channel = GrpcChannel.ForAddress(host.Address);
            var client = new ProvincesService.ProvincesServiceClient(channel);
            var department = await client.GetDepartmentAsync(new GetDepartmentRequest { Name = "provinces/20/department" });
            Assert.Equal(editedAddress, department.Address);
        }
    }

    [Fact]
    public async Task EverySeedRecordIsLoadedOnAFreshDatabase()
    {
        await using var host = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, await FreshDatabaseArgumentsAsync());
        var counts = await CountRowsAsync(host);

        Assert.Equal(SeedFiles.ProvinceUnits().Count, counts.ProvinceUnits);
        Assert.Equal(SeedFiles.Departments().Count, counts.Departments);
        Assert.Equal(SeedFiles.Officials().Count, counts.Officials);
        Assert.Equal(SeedFiles.Officials().Sum(o => o.Positions.Count), counts.Positions);
        Assert.Equal(SeedFiles.RecordCount("engagements.json", "engagements"), counts.Engagements);
        Assert.Equal(SeedFiles.RecordCount("recommendations.json", "recommendations"), counts.Recommendations);
        Assert.Equal(SeedFiles.RecordCount("directives.json", "directives"), counts.Directives);
        Assert.Equal(SeedFiles.RecordCount("reported_figures.json", "reportedFigures"), counts.Figures);

        using var channel = GrpcChannel.ForAddress(host.Address);
        var client = new ProvincesService.ProvincesServiceClient(channel);
        var beforeMerger = await client.ListProvincesAsync(new ListProvincesRequest { ValidOn = new Date { Year = 2025, Month = 6, Day = 30 } });
        var today = await client.ListProvincesAsync(new ListProvincesRequest());
        Assert.Equal(63, beforeMerger.TotalSize);
        Assert.Equal(34, today.TotalSize);
    }

    private static async Task<RowCounts> CountRowsAsync(ServiceHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProvincesDbContext>();
        return new RowCounts(
            await db.ProvinceUnits.CountAsync(),
            await db.Departments.CountAsync(),
            await db.Officials.CountAsync(),
            await db.OfficialPositions.CountAsync(),
            await db.Engagements.CountAsync(),
            await db.Recommendations.CountAsync(),
            await db.Directives.CountAsync(),
            await db.ReportedFigures.CountAsync());
    }

    private sealed record RowCounts(
        int ProvinceUnits, int Departments, int Officials, int Positions, int Engagements, int Recommendations, int Directives, int Figures);
}

public sealed class SeedingTestsOnSqlite : SeedingTests
{
    protected override Task<string[]> FreshDatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedingTestsOnPostgreSql : SeedingTests
{
    protected override Task<string[]> FreshDatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
