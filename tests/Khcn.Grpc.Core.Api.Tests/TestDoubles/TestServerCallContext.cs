using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.TestDoubles;

/// <summary>Minimal server context for the in-memory invoker.</summary>
internal sealed class TestServerCallContext(string method, string? host, Metadata requestHeaders, CancellationToken cancellationToken) : ServerCallContext
{
    protected override string MethodCore => method;

    protected override string HostCore => host ?? "localhost";

    protected override string PeerCore => "in-memory";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => requestHeaders;

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; } = Status.DefaultSuccess;

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    public Metadata ResponseHeaders { get; } = [];

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        foreach (var entry in responseHeaders)
        {
            ResponseHeaders.Add(entry);
        }

        return Task.CompletedTask;
    }

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();
}
