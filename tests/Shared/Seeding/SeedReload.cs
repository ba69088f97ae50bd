using Grpc.Net.Client;
using Khcn.Tests.Infrastructure;

namespace Khcn.Tests.Seeding;

/// <summary>
/// Loading seeds must be idempotent: a second instance started over a seeded database finds every record already there
/// and adds, changes and records nothing. Each service says what a reload could disturb through its snapshot.
/// </summary>
public static class SeedReload
{
    /// <param name="service">The seeded service under test.</param>
    /// <param name="clientOf">The service's client over a channel.</param>
    /// <param name="snapshotAsync">What a reload could disturb, read through a client (etags, update times, counts).</param>
    public static async Task AssertChangesNothingAsync<TClient>(
        ServiceUnderTest<TClient> service, Func<GrpcChannel, TClient> clientOf, Func<TClient, Task<IReadOnlyList<string>>> snapshotAsync)
        where TClient : class
    {
        var before = await snapshotAsync(service.Client);

        await using (var second = await service.StartAgainAsync())
        {
            using var channel = GrpcChannel.ForAddress(second.Address);
            Assert.Equal(before, await snapshotAsync(clientOf(channel)));
        }

        Assert.Equal(before, await snapshotAsync(service.Client));
    }
}
