using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class RetryPoliciesTests
{
    [Theory]
    [InlineData("GetProvince", true)]
    [InlineData("ListProvinces", true)]
    [InlineData("SearchWards", true)]
    [InlineData("ResolveAddress", true)]
    [InlineData("SummarizeTasks", true)]
    [InlineData("Check", true)]
    [InlineData("WatchTasks", true)]
    [InlineData("FindPostHolders", true)]
    [InlineData("ExportTasks", true)]
    [InlineData("ImportTasks", false)]
    [InlineData("CreateTask", false)]
    [InlineData("UpdateTask", false)]
    [InlineData("DeleteTask", false)]
    [InlineData("Getaway", false)]
    public void IsIdempotent_FollowsAipMethodNamePrefixes(string method, bool expected) =>
        Assert.Equal(expected, RetryPolicies.IsIdempotent(method));

    [Fact]
    public void IdempotentUnavailable_ListsOnlyIdempotentMethodsAndRetriesUnavailable()
    {
        var config = RetryPolicies.IdempotentUnavailable("khcn.tasks.v1.TaskService", ["GetTask", "CreateTask", "ListTasks", "WatchTasks"]);

        Assert.Equal(["GetTask", "ListTasks", "WatchTasks"], config.Names.Select(n => n.Method));
        Assert.All(config.Names, n => Assert.Equal("khcn.tasks.v1.TaskService", n.Service));
        Assert.Equal([StatusCode.Unavailable], config.RetryPolicy!.RetryableStatusCodes);
        Assert.Equal(5, config.RetryPolicy.MaxAttempts);
    }
}
