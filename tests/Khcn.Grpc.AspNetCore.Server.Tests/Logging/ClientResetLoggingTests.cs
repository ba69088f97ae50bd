using Google.Protobuf;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Logging;

/// <summary>
/// A client may end a call whenever it likes (RST_STREAM CANCEL, PROTOCOL-HTTP2 "Errors"): that is a normal ending,
/// logged at Debug. Error stays for the server's own faults.
/// </summary>
public sealed class ClientResetLoggingTests : IAsyncLifetime
{
    private const string HandlerCategory = "Grpc.AspNetCore.Server.ServerCallHandler";
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string DuplexPath = "/khcn.testing.ProtocolTest/Duplex";
    private const string UnaryPath = "/khcn.testing.ProtocolTest/Unary";

    // Only a reset that lands while the server is reading shows the rule (Kestrel fails that read before it cancels
    // RequestAborted, later, on the thread pool): a few calls in fifty do, and they logged Error before the fix.
    private const int Resets = 50;

    private readonly CapturedLogs _logs = new();
    private GrpcTestServer _server = null!;
    private RawGrpcClient _client = null!;

    private string BaseAddress => _server.Address.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(configureBuilder: builder =>
        {
            builder.Logging.AddProvider(_logs);
            builder.Logging.AddFilter(HandlerCategory, LogLevel.Debug);
            builder.Logging.AddFilter(HostingCategory, LogLevel.Information);
        });
        _client = new RawGrpcClient(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GrpcioClientCancellingDuplexCallAfterItsReply_IsLoggedAtDebugNeverError()
    {
        var request = new EchoRequest { Text = "reflection-like" };

        var replies = await PythonCancellingClient.RunAsync(_server.Address, DuplexPath, request.ToByteArray(), Resets);

        Assert.Equal(Resets, replies.Count);
        Assert.All(replies, reply => Assert.Equal("reflection-like", EchoReply.Parser.ParseFrom(reply).Text));

        // Every call is over once Kestrel logs its request as finished. Some ended cleanly (the server had read the
        // end of the request stream and sent its status before the reset arrived): those log nothing.
        await _logs.WaitForAsync(HostingCategory, $"Request finished HTTP/2 POST {BaseAddress}{DuplexPath}", Resets, RawGrpcClient.CallTimeout);
        var ends = _logs.Entries.Where(entry => entry.Category == HandlerCategory && entry.Message.Contains(DuplexPath, StringComparison.Ordinal)).ToList();
        Assert.All(ends, entry =>
        {
            Assert.Equal(LogLevel.Debug, entry.Level);
            Assert.Contains("Cancelled", entry.Message);
        });
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ClientResettingUnaryCallMidRequest_IsLoggedAtDebugNeverError()
    {
        var content = new StreamingRequestContent();
        using var cancellation = new CancellationTokenSource(RawGrpcClient.CallTimeout);
        var call = _client.StartAsync(_client.CreateRequest("Unary", content), cancellation.Token);

        // Half a message: the server is inside its read of the single request message when the reset arrives.
        var frame = GrpcFrames.Frame(new EchoRequest { Text = "never finished", Payload = ByteString.CopyFrom(new byte[64]) });
        await content.WriteAsync(frame[..(frame.Length / 2)]);
        await _logs.WaitForAsync(HostingCategory, $"Request starting HTTP/2 POST {BaseAddress}{UnaryPath}", 1, RawGrpcClient.CallTimeout);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        var end = Assert.Single(await _logs.WaitForAsync(HandlerCategory, UnaryPath, 1, RawGrpcClient.CallTimeout));

        Assert.Equal(LogLevel.Debug, end.Level);
        Assert.Contains("Cancelled", end.Message);
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task HandlerFault_IsStillLoggedAtErrorWithItsException()
    {
        await _client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "boom", Action = EchoRequest.Types.Action.ThrowInvalidOperation }));

        var end = Assert.Single(await _logs.WaitForAsync(HandlerCategory, UnaryPath, 1, RawGrpcClient.CallTimeout));

        Assert.Equal(LogLevel.Error, end.Level);
        Assert.IsType<InvalidOperationException>(end.Exception);
    }
}
