namespace Khcn.Grpc.Interop.Tests.Cases;

/// <summary>The interop cases run in both directions, named as in the gRPC interop test descriptions.</summary>
public static class InteropCaseNames
{
    public static readonly string[] All =
    [
        "empty_unary",
        "large_unary",
        "client_streaming",
        "server_streaming",
        "ping_pong",
        "empty_stream",
        "cancel_after_begin",
        "cancel_after_first_response",
        "timeout_on_sleeping_server",
        "custom_metadata",
        "status_code_and_message",
        "special_status_message",
        "unimplemented_service",
        "unimplemented_method",
        "client_compressed_unary",
        "server_compressed_unary",
        "client_compressed_streaming",
        "server_compressed_streaming",
    ];

    public static TheoryData<string> Data
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in All)
            {
                data.Add(name);
            }

            return data;
        }
    }
}
