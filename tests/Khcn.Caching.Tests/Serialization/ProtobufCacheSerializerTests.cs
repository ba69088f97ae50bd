using System.Buffers;
using Google.Protobuf.WellKnownTypes;
using Khcn.Caching.Serialization;

namespace Khcn.Caching.Tests.Serialization;

public sealed class ProtobufCacheSerializerTests
{
    [Fact]
    public void Message_generated_before_the_buffer_writer_api_round_trips()
    {
        // google.type.Date from CommonProtos 2.0.0 has no buffer-writer code: the serializer must not depend on it.
        var date = new Google.Type.Date { Year = 2025, Month = 7, Day = 1 };

        var copy = RoundTrip(new ProtobufCacheSerializer<Google.Type.Date>(), date);

        Assert.Equal(date, copy);
    }

    [Fact]
    public void Message_split_across_buffer_segments_is_read_whole()
    {
        var serializer = new ProtobufCacheSerializer<StringValue>();
        var writer = new ArrayBufferWriter<byte>();
        serializer.Serialize(new StringValue { Value = "Lạng Sơn" }, writer);
        var bytes = writer.WrittenMemory;
        var first = new Segment(bytes[..3]);
        var last = first.Append(bytes[3..]);

        var value = serializer.Deserialize(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.Equal("Lạng Sơn", value.Value);
    }

    private static T RoundTrip<T>(ICacheSerializer<T> serializer, T value)
    {
        var writer = new ArrayBufferWriter<byte>();
        serializer.Serialize(value, writer);
        return serializer.Deserialize(new ReadOnlySequence<byte>(writer.WrittenMemory));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
