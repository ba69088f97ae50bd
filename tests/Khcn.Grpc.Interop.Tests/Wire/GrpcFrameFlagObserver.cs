using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Khcn.Grpc.Interop.Tests.Wire;

/// <summary>
/// Follows a gRPC message stream (5-byte prefix: compressed flag + big-endian length) as bytes
/// pass by and records each message's compressed flag. Neither gRPC stack under test exposes
/// that flag, and the interop compression cases are about exactly that bit.
/// </summary>
public sealed class GrpcFrameFlagObserver
{
    private const int PrefixSize = 5;

    private readonly byte[] _prefix = new byte[PrefixSize];
    private readonly ConcurrentQueue<bool> _flags = new();
    private int _prefixFilled;
    private long _payloadRemaining;

    /// <summary>Compressed flags of the messages seen so far, in order.</summary>
    public IReadOnlyList<bool> Flags => [.. _flags];

    public void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_payloadRemaining > 0)
            {
                var skipped = (int)Math.Min(_payloadRemaining, data.Length);
                _payloadRemaining -= skipped;
                data = data[skipped..];
                continue;
            }

            _prefix[_prefixFilled++] = data[0];
            data = data[1..];
            if (_prefixFilled == PrefixSize)
            {
                _flags.Enqueue(_prefix[0] == 1);
                _payloadRemaining = BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(1));
                _prefixFilled = 0;
            }
        }
    }

    /// <summary>Removes and returns the flag of the oldest message not taken yet.</summary>
    public bool TakeNextFlag() =>
        _flags.TryDequeue(out var compressed)
            ? compressed
            : throw new InvalidOperationException("No gRPC message prefix has been observed for this message.");
}
