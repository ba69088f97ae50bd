namespace Khcn.Tests.Infrastructure;

/// <summary>
/// AIP-155 on a create: a call carrying a request_id the service has already served answers with the resource the first
/// call created and creates nothing more, however many callers race with it. Each check takes the create call (the same
/// request every time) and the names listed under the test's marker.
/// </summary>
public static class RequestIdRetries
{
    /// <summary>Sends the request twice in turn: the retry returns the first resource, and the list holds it alone.</summary>
    public static async Task AssertRetryReturnsTheFirstAsync<TResource>(
        Func<Task<TResource>> create, Func<TResource, string> nameOf, Func<Task<IReadOnlyList<string>>> markedNames)
    {
        var first = await create();
        var retry = await create();

        Assert.Equal(first, retry);
        Assert.Equal([nameOf(first)], await markedNames());
    }

    /// <summary>
    /// Sends the request from <paramref name="callers"/> callers at once: one resource is created and every caller gets it.
    /// Returns the answers for checks of the caller's own.
    /// </summary>
    public static async Task<TResource[]> AssertConcurrentRetriesGetTheOneCreatedAsync<TResource>(
        int callers, Func<Task<TResource>> create, Func<TResource, string> nameOf, Func<Task<IReadOnlyList<string>>> markedNames)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => create()));

        var only = Assert.Single(await markedNames());
        Assert.All(answers, answer => Assert.Equal(only, nameOf(answer)));
        return answers;
    }
}
