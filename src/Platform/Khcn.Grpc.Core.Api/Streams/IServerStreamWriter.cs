namespace Grpc.Core;

/// <summary>Server-side writer of response messages.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
