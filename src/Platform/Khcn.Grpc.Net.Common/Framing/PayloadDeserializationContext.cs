using System.Buffers;
using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// Hands a deserializer the payload in place (no copy unless it asks for a new buffer).
/// Deserializers run synchronously, so one instance per thread is reused (<see cref="Rent"/>/<see cref="Return"/>)
/// instead of allocating one per message; like the official runtime's per-call context, it must not be kept
/// by a deserializer after it returns.
/// </summary>
internal sealed class PayloadDeserializationContext : DeserializationContext
{
    [ThreadStatic]
    private static PayloadDeserializationContext? t_cached;

    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    /// <summary>The calling thread's cached context, or a new one when it is in use (a deserializer that reads another message).</summary>
    public static PayloadDeserializationContext Rent(in ReadOnlySequence<byte> payload)
    {
        var context = t_cached ?? new PayloadDeserializationContext();
        t_cached = null;
        context._payload = payload;
        return context;
    }

    /// <summary>Drops the payload (it belongs to a pipe buffer about to be released) and caches the context again.</summary>
    public static void Return(PayloadDeserializationContext context)
    {
        context._payload = default;
        t_cached = context;
    }

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
