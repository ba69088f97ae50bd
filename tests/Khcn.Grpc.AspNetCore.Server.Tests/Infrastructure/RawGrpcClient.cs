using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;

/// <summary>
/// Minimal gRPC client over HttpClient (HTTP/2 only, RequestVersionExact; h2c for http://), so the server is
/// tested against plain HTTP/2 rather than against our own gRPC client.
/// </summary>
public sealed class RawGrpcClient : IDisposable
{
    public const string Service = "khcn.testing.ProtocolTest";
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client;
    private readonly Version _version;

    public RawGrpcClient(Uri address, X509Certificate2? trustedServerCertificate = null, Version? version = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (trustedServerCertificate is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == trustedServerCertificate.GetCertHashString();
        }

        _version = version ?? HttpVersion.Version20;
        _client = new HttpClient(handler)
        {
            BaseAddress = address,
            DefaultRequestVersion = version ?? HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public HttpRequestMessage CreateRequest(string method, HttpContent content, string contentType = "application/grpc")
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, method.StartsWith('/') ? method : $"/{Service}/{method}")
        {
            Content = content,
            Version = _version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public Task<RawGrpcResponse> CallAsync(string method, byte[] body, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(method, new ByteArrayContent(body));
        configure?.Invoke(request);
        return SendAsync(request, cancellationToken);
    }

    public async Task<RawGrpcResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new RawGrpcResponse(response.StatusCode, response.Version, response.Headers, response.Content.Headers, response.TrailingHeaders, body);
    }

    /// <summary>Sends a request and returns the response as soon as its headers arrive, for streaming tests.</summary>
    public Task<HttpResponseMessage> StartAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _client.Dispose();
}
