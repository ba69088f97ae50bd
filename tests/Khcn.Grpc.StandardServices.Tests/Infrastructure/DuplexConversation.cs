using Grpc.Core;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>Request/response turns over one bidirectional call, as reflection clients use it.</summary>
public sealed class DuplexConversation<TRequest, TResponse>(AsyncDuplexStreamingCall<TRequest, TResponse> call) : IAsyncDisposable
{
    public async Task<TResponse> AskAsync(TRequest request)
    {
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "The server ended the stream instead of answering.");
        return call.ResponseStream.Current;
    }

    /// <summary>Half-closes and expects the server to end the call cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        }
        finally
        {
            call.Dispose();
        }
    }
}
