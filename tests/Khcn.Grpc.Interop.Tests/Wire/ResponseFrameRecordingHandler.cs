using System.Collections.Concurrent;
using System.Net;

namespace Khcn.Grpc.Interop.Tests.Wire;

/// <summary>
/// HTTP handler under our GrpcChannel that records the compressed flag of every response
/// message of calls tagged with <see cref="CallIdHeader"/>, so a case can assert the bit that
/// the client API does not expose.
/// </summary>
public sealed class ResponseFrameRecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string CallIdHeader = "x-khcn-interop-call-id";

    private readonly ConcurrentDictionary<string, GrpcFrameFlagObserver> _observers = new();

    /// <summary>Compressed flags of the response messages of one tagged call, in order.</summary>
    public IReadOnlyList<bool> ResponseFlags(string callId) =>
        _observers.TryGetValue(callId, out var observer) ? observer.Flags : [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Headers.TryGetValues(CallIdHeader, out var values))
        {
            var observer = _observers.GetOrAdd(values.Single(), _ => new GrpcFrameFlagObserver());
            response.Content = new ObservedContent(response.Content, observer);
        }

        return response;
    }

    private sealed class ObservedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly GrpcFrameFlagObserver _observer;

        public ObservedContent(HttpContent inner, GrpcFrameFlagObserver observer)
        {
            _inner = inner;
            _observer = observer;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new FrameObservingReadStream(await _inner.ReadAsStreamAsync(), _observer);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new FrameObservingReadStream(await _inner.ReadAsStreamAsync(cancellationToken), _observer);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var observed = await CreateContentReadStreamAsync();
            await observed.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
