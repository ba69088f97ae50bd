using System.Collections.Concurrent;
using System.IO.Pipelines;
using Khcn.Grpc.Interop.Tests.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Khcn.Grpc.Interop.Tests.Server;

/// <summary>
/// Records the compressed flag of the response messages our server writes for calls tagged with
/// <see cref="CallIdHeader"/>. The Python client cannot see that flag, so the server_compressed
/// cases check it here, on the bytes our server put on the wire.
/// </summary>
public sealed class ResponseMessageFlags
{
    public const string CallIdHeader = "x-khcn-interop-call-id";

    private readonly ConcurrentDictionary<string, GrpcFrameFlagObserver> _observers = new();

    /// <summary>Compressed flags of the response messages of one tagged call, in order.</summary>
    public IReadOnlyList<bool> ForCall(string callId) =>
        _observers.TryGetValue(callId, out var observer) ? observer.Flags : [];

    /// <summary>Middleware for the test host only: observes what our server writes to <see cref="HttpResponse.BodyWriter"/>.</summary>
    public void Use(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var callId = context.Request.Headers[CallIdHeader].ToString();
            if (callId.Length > 0)
            {
                var observer = _observers.GetOrAdd(callId, _ => new GrpcFrameFlagObserver());
                var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
                context.Features.Set<IHttpResponseBodyFeature>(new ObservedResponseBodyFeature(original, observer));
            }

            await next(context);
        });

    private sealed class ObservedResponseBodyFeature(IHttpResponseBodyFeature inner, GrpcFrameFlagObserver observer) : IHttpResponseBodyFeature
    {
        private readonly PipeWriter _writer = new FrameObservingPipeWriter(inner.Writer, observer);

        // Bytes written through the Stream are not observed; our server writes through BodyWriter,
        // and a case whose flags were not observed fails rather than passes.
        public Stream Stream => inner.Stream;

        public PipeWriter Writer => _writer;

        public Task CompleteAsync() => inner.CompleteAsync();

        public void DisableBuffering() => inner.DisableBuffering();

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.SendFileAsync(path, offset, count, cancellationToken);

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
    }
}
