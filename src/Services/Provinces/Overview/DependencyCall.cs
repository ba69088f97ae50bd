using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Overview;

/// <summary>
/// Asks another service for one part of the overview within the overview's deadline. The other service's failures
/// never escape: they become a <see cref="MissingPart"/>, so one slow or absent service cannot take the whole overview
/// down. Only the caller's own cancellation propagates.
/// </summary>
public sealed class DependencyCall(GrpcClientFactory clients, TimeProvider time, TimeSpan deadline)
{
    public async Task<DependencyOutcome<TResponse>> InvokeAsync<TClient, TResponse>(
        OverviewDependency dependency,
        Func<TClient, CallOptions, AsyncUnaryCall<TResponse>> call,
        CancellationToken cancellationToken)
        where TClient : ClientBase
        where TResponse : class
    {
        TClient client;
        try
        {
            client = clients.CreateClient<TClient>(dependency.ClientName);
        }
        catch (InvalidOperationException notConfigured)
        {
            // The factory resolves the address when the client is created; without one there is nobody to ask.
            return Missing<TResponse>(dependency, StatusCode.Unavailable,
                $"The address of {dependency.Service} is not configured (services:{dependency.ClientName}:http:0). {notConfigured.Message}");
        }

        var options = new CallOptions(deadline: time.GetUtcNow().UtcDateTime + deadline, cancellationToken: cancellationToken);
        try
        {
            return DependencyOutcome<TResponse>.Answered(await call(client, options));
        }
        catch (RpcException failure) when (!cancellationToken.IsCancellationRequested)
        {
            var message = string.IsNullOrEmpty(failure.Status.Detail) ? failure.Message : failure.Status.Detail;
            return Missing<TResponse>(dependency, failure.StatusCode, message);
        }
        catch (Exception failure) when (failure is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Failures the channel did not translate: the network ones mean "not reachable", the rest are faults.
            var code = failure is HttpRequestException or IOException or SocketException ? StatusCode.Unavailable : StatusCode.Internal;
            return Missing<TResponse>(dependency, code, failure.Message);
        }
    }

    private static DependencyOutcome<TResponse> Missing<TResponse>(OverviewDependency dependency, StatusCode code, string message)
        where TResponse : class =>
        DependencyOutcome<TResponse>.Failed(new MissingPart
        {
            Part = dependency.Part,
            Service = dependency.Service,
            StatusCode = StatusCodeNames.Of(code),
            Message = message,
        });
}
