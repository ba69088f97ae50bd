using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Aip;
using Microsoft.Extensions.Hosting;

namespace Khcn.Aip.Tests.Errors;

public sealed class ApiExceptionInterceptorTests
{
    private const string Method = "/khcn.provinces.v1.ProvincesService/GetProvince";
    private static readonly ApiException NotFound = ApiException.NotFound("khcn.provinces.v1.Province", "provinces/99");

    private readonly ApiExceptionInterceptor _interceptor = new();
    private readonly FakeServerCallContext _context = new(Method);

    private static void AssertMapped(RpcException rpc)
    {
        Assert.Equal(StatusCode.NotFound, rpc.StatusCode);
        var errorInfo = rpc.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal(("PROVINCE_NOT_FOUND", "provinces.khcn.gov.vn"), (errorInfo.Type, errorInfo.Domain));
    }

    [Fact]
    public async Task Unary_handler_maps_api_exceptions()
    {
        var rpc = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.UnaryServerHandler<Empty, Empty>(new Empty(), _context, (_, _) => throw NotFound));

        AssertMapped(rpc);
    }

    [Fact]
    public async Task Unary_handler_maps_exceptions_thrown_after_an_await()
    {
        var rpc = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.UnaryServerHandler<Empty, Empty>(new Empty(), _context, async (_, _) =>
            {
                await Task.Yield();
                throw NotFound;
            }));

        AssertMapped(rpc);
    }

    [Fact]
    public async Task Client_streaming_handler_maps_api_exceptions()
    {
        var rpc = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.ClientStreamingServerHandler<Empty, Empty>(null!, _context, (_, _) => throw NotFound));

        AssertMapped(rpc);
    }

    [Fact]
    public async Task Server_streaming_handler_maps_api_exceptions()
    {
        var rpc = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.ServerStreamingServerHandler<Empty, Empty>(new Empty(), null!, _context, (_, _, _) => throw NotFound));

        AssertMapped(rpc);
    }

    [Fact]
    public async Task Duplex_streaming_handler_maps_api_exceptions()
    {
        var rpc = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.DuplexStreamingServerHandler<Empty, Empty>(null!, null!, _context, (_, _, _) => throw NotFound));

        AssertMapped(rpc);
    }

    [Fact]
    public async Task Other_exceptions_and_results_pass_through()
    {
        var expected = new Empty();
        Assert.Same(expected, await _interceptor.UnaryServerHandler<Empty, Empty>(new Empty(), _context, (_, _) => Task.FromResult(expected)));

        var original = new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "down"));
        Assert.Same(original, await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.UnaryServerHandler<Empty, Empty>(new Empty(), _context, (_, _) => throw original)));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _interceptor.UnaryServerHandler<Empty, Empty>(new Empty(), _context, (_, _) => throw new InvalidOperationException()));
    }

    public sealed class Empty;

    private sealed class FakeServerCallContext(string method) : ServerCallContext
    {
        protected override string MethodCore => method;
        protected override string HostCore => "localhost";
        protected override string PeerCore => "test";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore { get; } = [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore { get; } = [];
        protected override global::Grpc.Core.Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore { get; } = new(null, []);
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
    }
}
