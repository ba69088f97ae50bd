namespace Grpc.Core;

public enum MethodType
{
    /// <summary>Single request, single response.</summary>
    Unary,

    /// <summary>Stream of requests, single response.</summary>
    ClientStreaming,

    /// <summary>Single request, stream of responses.</summary>
    ServerStreaming,

    /// <summary>Both sides stream independently.</summary>
    DuplexStreaming,
}
