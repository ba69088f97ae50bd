using System.Text.Json;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Resources;
using Khcn.Dashboard.Tests.Infrastructure;

namespace Khcn.Dashboard.Tests.Api;

public sealed class ResourceApiTests
{
    [Fact]
    public async Task Resources_AreTheCatalogsSnapshot_InCamelCase()
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        var json = await dashboard.Http.GetStringAsync("/api/resources");

        var resources = JsonSerializer.Deserialize<ResourceSnapshot[]>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(new FixedResourceCatalog().Snapshot(), resources, ResourceComparer);
        using var document = JsonDocument.Parse(json);
        var provinces = document.RootElement[1];
        Assert.Equal("Restarting", provinces.GetProperty("state").GetString());
        Assert.Equal(2, provinces.GetProperty("restarts").GetInt32());
    }

    [Fact]
    public async Task Console_ReturnsTheLinesAfterTheGivenSequence()
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        var all = await dashboard.GetJsonAsync<ConsoleView>("/api/resources/provinces/console");
        var afterFirst = await dashboard.GetJsonAsync<ConsoleView>("/api/resources/provinces/console?after=1");

        Assert.Equal("provinces", all.Resource);
        Assert.Equal(["starting", "listening on 5101", "crashed"], all.Lines.Select(line => line.Text));
        Assert.Equal([2L, 3L], afterFirst.Lines.Select(line => line.Sequence));
        Assert.Empty((await dashboard.GetJsonAsync<ConsoleView>("/api/resources/tasks/console")).Lines);
    }

    private static readonly IEqualityComparer<ResourceSnapshot> ResourceComparer = EqualityComparer<ResourceSnapshot>.Create(
        (left, right) => left!.Name == right!.Name && left.Type == right.Type && left.State == right.State
            && left.Endpoints.SequenceEqual(right.Endpoints) && left.ProcessId == right.ProcessId
            && left.Restarts == right.Restarts && left.StartedAt == right.StartedAt);
}
