using System.Buffers;
using System.Text;
using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.CoreApi;

public sealed class MarshallerTests
{
    [Fact]
    public void StringMarshaller_RoundTripsUtf8()
    {
        const string text = "Không tìm thấy tỉnh Quảng Trị";

        var bytes = Marshallers.StringMarshaller.Serializer(text);

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
        Assert.Equal(text, Marshallers.StringMarshaller.Deserializer(bytes));
    }

    [Fact]
    public void SimpleMarshaller_DerivesContextualPair()
    {
        var marshaller = Marshallers.Create<string>(s => Encoding.UTF8.GetBytes(s), b => Encoding.UTF8.GetString(b));
        var serialization = new RecordingSerializationContext();

        marshaller.ContextualSerializer("ạ", serialization);
        var result = marshaller.ContextualDeserializer(new SequenceDeserializationContext(new ReadOnlySequence<byte>(serialization.Payload!)));

        Assert.Equal("ạ", result);
    }

    [Fact]
    public void ContextualMarshaller_DerivesSimplePair_BufferWriterPath()
    {
        var marshaller = Marshallers.Create<string>(
            (s, context) =>
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                context.SetPayloadLength(bytes.Length);
                context.GetBufferWriter().Write(bytes);
                context.Complete();
            },
            context => Encoding.UTF8.GetString(context.PayloadAsReadOnlySequence()));

        var bytes = marshaller.Serializer("Quảng Trị");

        Assert.Equal(Encoding.UTF8.GetBytes("Quảng Trị"), bytes);
        Assert.Equal("Quảng Trị", marshaller.Deserializer(bytes));
    }

    [Fact]
    public void ContextualSerializer_ThatNeverCompletes_IsReportedWhenUsedAsSimpleSerializer()
    {
        var marshaller = Marshallers.Create<string>((_, _) => { }, _ => "");

        Assert.Throws<InvalidOperationException>(() => marshaller.Serializer("x"));
    }

    private sealed class RecordingSerializationContext : SerializationContext
    {
        public byte[]? Payload { get; private set; }

        public override void Complete(byte[] payload) => Payload = payload;
    }

    private sealed class SequenceDeserializationContext(ReadOnlySequence<byte> payload) : DeserializationContext
    {
        public override int PayloadLength => (int)payload.Length;

        public override byte[] PayloadAsNewBuffer() => payload.ToArray();

        public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => payload;
    }
}
