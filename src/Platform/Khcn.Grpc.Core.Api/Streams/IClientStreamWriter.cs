namespace Grpc.Core;

/// <summary>Client-side writer of request messages.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Half-closes the request stream: the server sees end of stream.</summary>
    Task CompleteAsync();
}
