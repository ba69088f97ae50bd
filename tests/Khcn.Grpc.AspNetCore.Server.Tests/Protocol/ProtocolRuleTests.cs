using System.Globalization;
using System.Net;
using System.Text;
using Google.Protobuf;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Khcn.Grpc.AspNetCore.Server.Tests.Services;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

public sealed class ProtocolRuleTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private const int Internal = 13;
    private const int ResourceExhausted = 8;

    private RawGrpcClient Client => fixture.Client;

    private static byte[] Echo(string text = "hello") => GrpcFrames.Frame(new EchoRequest { Text = text });

    [Fact]
    public async Task WrongContentType_Returns415()
    {
        var request = Client.CreateRequest("Unary", new ByteArrayContent(Echo()), contentType: "application/json");

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("application/json", response.GrpcMessage);
    }

    [Fact]
    public async Task GrpcProtoContentType_IsAccepted()
    {
        var request = Client.CreateRequest("Unary", new ByteArrayContent(Echo()), contentType: "application/grpc+proto");

        var response = await Client.SendAsync(request);

        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task MalformedFrame_InvalidCompressedFlag_ReturnsInternal()
    {
        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest().ToByteArray(), compressed: false, flagOverride: 7));

        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("compressed flag", response.GrpcMessage);
        Assert.True(response.IsTrailersOnly);
    }

    [Fact]
    public async Task MalformedFrame_TruncatedLengthPrefix_ReturnsInternal()
    {
        var response = await Client.CallAsync("Unary", [0, 0, 0]);

        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("Incomplete message", response.GrpcMessage);
    }

    [Fact]
    public async Task MalformedFrame_TruncatedBody_ReturnsInternal()
    {
        var frame = Echo("this body is cut short");

        var response = await Client.CallAsync("Unary", frame[..^4]);

        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("Incomplete message", response.GrpcMessage);
    }

    [Fact]
    public async Task MalformedFrame_GarbagePayload_ReturnsInternal()
    {
        // A well-formed frame whose payload is not a valid protobuf message.
        var response = await Client.CallAsync("Unary", GrpcFrames.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], compressed: false));

        Assert.Equal(Internal, response.GrpcStatus);
    }

    [Fact]
    public async Task UnaryWithoutRequestMessage_ReturnsInternal()
    {
        var response = await Client.CallAsync("Unary", []);

        Assert.Equal(Internal, response.GrpcStatus);
    }

    [Fact]
    public async Task MessageLargerThanMaxReceiveSize_ReturnsResourceExhausted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) };

        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(request));

        Assert.Equal(ResourceExhausted, response.GrpcStatus);
    }

    [Fact]
    public async Task MessageWithinMaxReceiveSize_IsAccepted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[3 * 1024 * 1024]) };

        var response = await Client.CallAsync("ClientStream", GrpcFrames.Frame(request));

        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task ResponseLargerThanMaxSendSize_ReturnsResourceExhausted()
    {
        var request = new EchoRequest { Action = EchoRequest.Types.Action.LargeResponse, Count = (4 * 1024 * 1024) + 1 };

        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(request));

        Assert.Equal(ResourceExhausted, response.GrpcStatus);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task GrpcTimeout_SetsServerCallContextDeadline()
    {
        var before = DateTime.UtcNow;
        var response = await Client.CallAsync(
            "Unary",
            GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.ReportContext }),
            request => request.Headers.Add("grpc-timeout", "20S"));

        var deadline = DateTime.Parse(response.Replies.Single().Context["deadline"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.InRange(deadline, before.AddSeconds(19), DateTime.UtcNow.AddSeconds(21));
    }

    [Fact]
    public async Task NoGrpcTimeout_DeadlineIsMaxValue()
    {
        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.ReportContext }));

        Assert.Equal(DateTime.MaxValue.ToString("O", CultureInfo.InvariantCulture), response.Replies.Single().Context["deadline"]);
    }

    [Fact]
    public async Task DeadlineExceeded_CancelsCallTokenAndReturnsDeadlineExceeded()
    {
        var id = Guid.NewGuid().ToString();

        var response = await Client.CallAsync(
            "WaitForCancellation",
            GrpcFrames.Frame(new EchoRequest { Text = id }),
            request => request.Headers.Add("grpc-timeout", "300m"));

        Assert.Equal(4, response.GrpcStatus);
        var observedDeadline = await fixture.Server.Observer.WhenCancelled(id).WaitAsync(RawGrpcClient.CallTimeout);
        Assert.NotEqual(DateTime.MaxValue, observedDeadline);
    }

    [Fact]
    public async Task DeadlineExceeded_HandlerIgnoringCancellation_ClientStillGetsDeadlineExceeded()
    {
        var id = Guid.NewGuid().ToString();
        try
        {
            // The handler only returns once released, which happens after the response arrived: the server
            // must end the call at the deadline on its own.
            var response = await Client.CallAsync(
                "Unary",
                GrpcFrames.Frame(new EchoRequest { Text = id, Action = EchoRequest.Types.Action.IgnoreDeadline }),
                request => request.Headers.Add("grpc-timeout", "300m"));

            Assert.Equal(4, response.GrpcStatus);
            Assert.Empty(response.Body);
        }
        finally
        {
            fixture.Server.Observer.Release(id);
        }
    }

    [Fact]
    public async Task FailureBeforeFirstMessage_IsTrailersOnlyResponse()
    {
        var request = new EchoRequest { Action = EchoRequest.Types.Action.ThrowRpcException, StatusCode = 5, Text = "not here" };

        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(request));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("grpc-status")));
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public async Task FailureAfterFirstMessage_SendsStatusInTrailers()
    {
        var request = new EchoRequest { Action = EchoRequest.Types.Action.FailAfterFirstMessage, Count = 3 };

        var response = await Client.CallAsync("ServerStream", GrpcFrames.Frame(request));

        Assert.Single(response.Replies);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal("10", Assert.Single(response.TrailerValues("grpc-status")));
    }

    [Fact]
    public async Task GrpcMessage_IsPercentEncoded_VietnameseSurvives()
    {
        const string text = "Không tìm thấy tỉnh: Hà Nội 100%";
        var request = new EchoRequest { Action = EchoRequest.Types.Action.ThrowRpcException, StatusCode = 5, Text = text };

        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(request));

        Assert.NotNull(response.RawGrpcMessage);
        Assert.True(response.RawGrpcMessage!.All(c => c is >= ' ' and <= '~'), "grpc-message must be printable ASCII on the wire");
        Assert.Contains("%", response.RawGrpcMessage);
        Assert.Equal(text, response.GrpcMessage);
    }

    [Fact]
    public async Task RpcException_SetsStatusAndTrailersIncludingBinaryDetails()
    {
        var request = new EchoRequest { Action = EchoRequest.Types.Action.ThrowRpcException, StatusCode = 9, Text = "precondition" };

        var response = await Client.CallAsync("ServerStream", GrpcFrames.Frame(request));

        Assert.Equal(9, response.GrpcStatus);
        Assert.Equal("precondition", response.GrpcMessage);
        Assert.Equal("error-value", response.Value("x-error-trailer"));
        var details = response.Value("grpc-status-details-bin");
        Assert.NotNull(details);
        Assert.Equal(ProtocolTestService.DetailsPayload, Encoding.UTF8.GetString(DecodeUnpaddedBase64(details!)));
    }

    [Fact]
    public async Task UnhandledException_ReturnsUnknownWithoutInternals()
    {
        var request = new EchoRequest { Action = EchoRequest.Types.Action.ThrowInvalidOperation, Text = "db-password" };

        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(request));

        Assert.Equal(2, response.GrpcStatus);
        Assert.Equal("Exception was thrown by handler.", response.GrpcMessage);
        Assert.DoesNotContain("secret", response.Value("grpc-message"));
    }

    [Fact]
    public async Task UnknownService_ReturnsUnimplementedTrailersOnly()
    {
        var response = await Client.CallAsync("/khcn.testing.DoesNotExist/Method", Echo());

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
    }

    [Fact]
    public async Task UnknownMethod_ReturnsUnimplementedTrailersOnly()
    {
        var response = await Client.CallAsync("DoesNotExist", Echo());

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("Method is unimplemented.", response.GrpcMessage);
    }

    [Fact]
    public async Task MethodNotOverridden_ReturnsUnimplemented()
    {
        var response = await Client.CallAsync("NotOverridden", Echo());

        Assert.Equal(12, response.GrpcStatus);
    }

    [Fact]
    public async Task GzipRequest_IsDecompressed()
    {
        var response = await Client.CallAsync(
            "Unary",
            GrpcFrames.FrameGzip(new EchoRequest { Text = "nén gzip" }),
            request => request.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("nén gzip", response.Replies.Single().Text);
    }

    [Fact]
    public async Task CompressedFlagWithoutGrpcEncoding_ReturnsInternal()
    {
        var response = await Client.CallAsync("Unary", GrpcFrames.FrameGzip(new EchoRequest { Text = "x" }));

        Assert.Equal(Internal, response.GrpcStatus);
    }

    [Fact]
    public async Task UnsupportedRequestEncoding_ReturnsUnimplementedWithAcceptEncoding()
    {
        var response = await Client.CallAsync("Unary", Echo(), request => request.Headers.Add("grpc-encoding", "snappy"));

        Assert.Equal(12, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        var accepted = response.Value("grpc-accept-encoding")!.Split(',');
        Assert.Contains("gzip", accepted);
        Assert.Contains("identity", accepted);
    }

    [Fact]
    public async Task ResponseHeadersAndTrailers_AreSentFromServerCallContext()
    {
        var request = new EchoRequest { Action = EchoRequest.Types.Action.SendHeadersAndTrailers };

        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(request));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("header-value", Assert.Single(response.Headers.GetValues("x-response-header")));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, DecodeUnpaddedBase64(Assert.Single(response.Headers.GetValues("x-response-header-bin"))));
        Assert.Equal("trailer-value", Assert.Single(response.TrailerValues("x-response-trailer")));
        Assert.Equal(new byte[] { 9, 8, 7 }, DecodeUnpaddedBase64(Assert.Single(response.TrailerValues("x-response-trailer-bin"))));
    }

    [Fact]
    public async Task ClientCancellation_CancelsServerCallToken()
    {
        var id = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();
        var call = Client.CallAsync("WaitForCancellation", GrpcFrames.Frame(new EchoRequest { Text = id }), cancellationToken: cancellation.Token);

        await fixture.Server.Observer.WhenStarted(id).WaitAsync(RawGrpcClient.CallTimeout);
        await cancellation.CancelAsync(); // HttpClient resets the stream (RST_STREAM CANCEL).

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var deadline = await fixture.Server.Observer.WhenCancelled(id).WaitAsync(RawGrpcClient.CallTimeout);
        Assert.Equal(DateTime.MaxValue, deadline);
    }

    [Theory]
    [InlineData("Unary")]
    [InlineData("ClientStream")]
    [InlineData("ServerStream")]
    [InlineData("Duplex")]
    public async Task Interceptors_RunInRegistrationOrderForAllCallKinds(string method)
    {
        var response = await Client.CallAsync(method, Echo());

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(["A", "B", "B-after", "A-after"], response.TrailerValues(TracingInterceptor.TraceTrailer));
    }

    [Fact]
    public async Task CallContext_ExposesPeerHostMethodAndRequestHeaders()
    {
        var response = await Client.CallAsync(
            "Unary",
            GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.ReportContext }),
            request =>
            {
                request.Headers.Add("x-custom", "custom-value");
                request.Headers.Add("x-custom-bin", Convert.ToBase64String([1, 2, 3, 4]).TrimEnd('='));
            });

        var context = response.Replies.Single().Context;
        Assert.Matches(@"^ipv4:127\.0\.0\.1:\d+$", context["peer"]);
        Assert.Equal($"127.0.0.1:{fixture.Server.Address.Port}", context["host"]);
        Assert.Equal("/khcn.testing.ProtocolTest/Unary", context["method"]);
        Assert.Equal("custom-value", context["header:x-custom"]);
        Assert.Equal("01020304", context["header:x-custom-bin"]);
        Assert.False(context.ContainsKey("header:content-type"));
    }

    internal static byte[] DecodeUnpaddedBase64(string value)
        => Convert.FromBase64String(value.PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '='));
}
