using Grpc.Health.V1;
using Grpc.Net.Client;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Khcn.Hosting.Health;

/// <summary>
/// A service is ready when <c>grpc.health.v1.Health/Check</c> for the whole server (empty service name) answers
/// SERVING: the services map their ASP.NET Core health checks (database, cache) onto it.
/// </summary>
internal sealed class GrpcHealthProbe : IHealthProbe
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);
    private readonly GrpcChannel _channel;
    private readonly HealthClient _client;

    public GrpcHealthProbe(Uri address)
    {
        _channel = GrpcChannel.ForAddress(address);
        _client = new HealthClient(_channel);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.CheckAsync(
                new HealthCheckRequest { Service = string.Empty },
                deadline: DateTime.UtcNow.Add(Deadline),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Status == ServingStatus.Serving;
        }
        catch (Exception)
        {
            // Not listening yet (RpcException Unavailable), too slow (DeadlineExceeded), cancelled: not healthy yet.
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }
}
