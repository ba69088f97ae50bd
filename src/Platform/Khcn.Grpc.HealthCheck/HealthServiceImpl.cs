using System.Threading.Channels;
using Grpc.Core;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.HealthCheck;

/// <summary>
/// The standard <c>grpc.health.v1.Health</c> service over an in-memory table of statuses, as in the
/// official Grpc.HealthCheck package. The empty service name stands for the server as a whole.
/// </summary>
public class HealthServiceImpl : Grpc.Health.V1.Health.HealthBase
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ServingStatus> statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HealthStatusWatcher>> watchers = new(StringComparer.Ordinal);

    /// <summary>Sets the status of <paramref name="service"/> and notifies its watchers.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (gate)
        {
            statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets <paramref name="service"/>: Check answers NOT_FOUND, watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (gate)
        {
            if (statuses.Remove(service))
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    /// <summary>Forgets every service.</summary>
    public void ClearAll()
    {
        lock (gate)
        {
            foreach (var service in statuses.Keys)
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }

            statuses.Clear();
        }
    }

    /// <inheritdoc />
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (TryGetStatus(request.Service, out var status))
        {
            return Task.FromResult(new HealthCheckResponse { Status = status });
        }

        // health-checking.md: "If the requested service is unknown, the call will fail with status NOT_FOUND."
        throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
    }

    /// <inheritdoc />
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var watcher = Subscribe(request.Service);
        try
        {
            ServingStatus? lastSent = null;
            await foreach (var status in watcher.Updates.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                // Only changes are news: a periodic re-evaluation that finds the same status stays silent.
                if (status == lastSent)
                {
                    continue;
                }

                await responseStream.WriteAsync(new HealthCheckResponse { Status = status }).ConfigureAwait(false);
                lastSent = status;
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away (or the deadline passed): a watch ends only this way or at shutdown.
        }
        finally
        {
            Unsubscribe(request.Service, watcher);
        }
    }

    internal bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (gate)
        {
            return statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>How many Watch calls are subscribed to <paramref name="service"/> (a leak shows up here).</summary>
    internal int CountWatchers(string service)
    {
        lock (gate)
        {
            return watchers.TryGetValue(service, out var list) ? list.Count : 0;
        }
    }

    /// <summary>Ends every open Watch call so that a graceful shutdown does not wait for watchers.</summary>
    internal void CompleteAllWatches()
    {
        lock (gate)
        {
            foreach (var list in watchers.Values)
            {
                foreach (var watcher in list)
                {
                    watcher.Complete();
                }
            }
        }
    }

    private HealthStatusWatcher Subscribe(string service)
    {
        var watcher = new HealthStatusWatcher();
        lock (gate)
        {
            if (!watchers.TryGetValue(service, out var list))
            {
                list = [];
                watchers[service] = list;
            }

            list.Add(watcher);

            // Published under the lock so no change can slip in between "current" and "subscribed".
            watcher.Publish(statuses.TryGetValue(service, out var current) ? current : ServingStatus.ServiceUnknown);
        }

        return watcher;
    }

    private void Unsubscribe(string service, HealthStatusWatcher watcher)
    {
        lock (gate)
        {
            if (watchers.TryGetValue(service, out var list) && list.Remove(watcher) && list.Count == 0)
            {
                watchers.Remove(service);
            }
        }
    }

    private void Notify(string service, ServingStatus status)
    {
        if (watchers.TryGetValue(service, out var list))
        {
            foreach (var watcher in list)
            {
                watcher.Publish(status);
            }
        }
    }
}
