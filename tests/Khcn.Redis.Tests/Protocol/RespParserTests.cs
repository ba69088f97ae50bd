using System.Buffers;
using System.Text;
using Khcn.Redis.Protocol;

namespace Khcn.Redis.Tests.Protocol;

public class RespParserTests
{
    private static RespValue ParseOne(string wire, RespReaderLimits? limits = null)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));
        Assert.True(RespParser.TryRead(ref reader, limits ?? RespReaderLimits.Default, out var value), "frame should be complete");
        Assert.Equal(0, reader.Remaining);
        return value;
    }

    private static RespProtocolException Rejects(string wire, RespReaderLimits? limits = null) =>
        Assert.Throws<RespProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));
            RespParser.TryRead(ref reader, limits ?? RespReaderLimits.Default, out _);
        });

    [Fact]
    public void SimpleString_IsParsed() => Assert.Equal("OK", ParseOne("+OK\r\n").AsString());

    [Fact]
    public void SimpleError_IsParsedAsError()
    {
        var value = ParseOne("-WRONGTYPE Operation against a key\r\n");
        Assert.True(value.IsError);
        Assert.Equal("WRONGTYPE", Assert.Throws<RedisServerException>(() => value.ThrowIfError()).ErrorCode);
    }

    [Theory]
    [InlineData(":0\r\n", 0L)]
    [InlineData(":-42\r\n", -42L)]
    [InlineData(":9223372036854775807\r\n", long.MaxValue)]
    public void Integer_IsParsedAsSigned64Bit(string wire, long expected) => Assert.Equal(expected, ParseOne(wire).AsInt64());

    [Fact]
    public void BulkString_IsBinarySafe()
    {
        var value = ParseOne("$6\r\na\r\nb\0c\r\n");
        Assert.Equal(RespType.BulkString, value.Type);
        Assert.Equal("a\r\nb\0c"u8.ToArray(), value.Bytes);
    }

    [Fact]
    public void EmptyBulkString_IsNotNull() => Assert.Equal("", ParseOne("$0\r\n\r\n").AsString());

    [Theory]
    [InlineData("$-1\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("_\r\n")]
    public void NullForms_OfResp2AndResp3_ParseAsNull(string wire)
    {
        var value = ParseOne(wire);
        Assert.True(value.IsNull);
        Assert.Null(value.AsBytes());
    }

    [Fact]
    public void NestedArrays_KeepTheirShape()
    {
        var value = ParseOne("*3\r\n:1\r\n*2\r\n$1\r\na\r\n*1\r\n$-1\r\n*0\r\n");
        Assert.Equal(3, value.Elements.Count);
        Assert.Equal(1, value.Elements[0].AsInt64());
        Assert.Equal("a", value.Elements[1].Elements[0].AsString());
        Assert.True(value.Elements[1].Elements[1].Elements[0].IsNull);
        Assert.Empty(value.Elements[2].Elements);
    }

    [Fact]
    public void Resp3Map_StoresKeysAndValuesAlternately()
    {
        var value = ParseOne("%2\r\n+first\r\n:1\r\n+second\r\n#t\r\n");
        Assert.Equal(RespType.Map, value.Type);
        Assert.Equal(["first", "1", "second", "true"], value.Elements.Select(e => e.AsString()));
    }

    [Fact]
    public void Resp3SetAndPush_AreAggregates()
    {
        Assert.Equal(RespType.Set, ParseOne("~2\r\n+a\r\n+b\r\n").Type);
        var push = ParseOne(">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n");
        Assert.Equal(RespType.Push, push.Type);
        Assert.Equal("hi", push.Elements[2].AsString());
    }

    [Theory]
    [InlineData(",1.5\r\n", 1.5)]
    [InlineData(",-0.25\r\n", -0.25)]
    [InlineData(",inf\r\n", double.PositiveInfinity)]
    [InlineData(",-inf\r\n", double.NegativeInfinity)]
    [InlineData(",1e3\r\n", 1000.0)]
    public void Resp3Double_AcceptsDecimalsExponentsAndInfinities(string wire, double expected) =>
        Assert.Equal(expected, ParseOne(wire).Double);

    [Fact]
    public void Resp3Double_AcceptsNan() => Assert.True(double.IsNaN(ParseOne(",nan\r\n").Double));

    [Fact]
    public void Resp3BigNumber_IsKeptAsDigits() =>
        Assert.Equal("3492890328409238509324850943850943825024385", ParseOne("(3492890328409238509324850943850943825024385\r\n").AsString());

    [Fact]
    public void Resp3BulkError_IsAnError()
    {
        var value = ParseOne("!21\r\nSYNTAX invalid syntax\r\n");
        Assert.True(value.IsError);
        Assert.Equal("SYNTAX invalid syntax", value.AsString());
    }

    [Fact]
    public void Resp3VerbatimString_SeparatesFormatFromText()
    {
        var value = ParseOne("=15\r\ntxt:Some string\r\n");
        Assert.Equal("txt", value.VerbatimFormat);
        Assert.Equal("Some string", value.AsString());
    }

    [Fact]
    public void Resp3Attribute_IsAttachedToTheFollowingReply()
    {
        var value = ParseOne("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.1923\r\n*1\r\n:7\r\n");
        Assert.Equal(RespType.Array, value.Type);
        Assert.Equal(7, value.Elements[0].AsInt64());
        Assert.Equal("key-popularity", value.Attributes![0].AsString());
    }

    [Fact]
    public void Resp3Attribute_OnANullReply_DoesNotTouchTheSharedNull()
    {
        var value = ParseOne("|1\r\n+ttl\r\n:5\r\n_\r\n");
        Assert.True(value.IsNull);
        Assert.Equal("ttl", value.Attributes![0].AsString());
        Assert.Null(RespValue.Null.Attributes);
    }

    [Fact]
    public void IncompleteFrame_AtEverySplitPoint_ConsumesNothingUntilComplete()
    {
        var wire = Encoding.UTF8.GetBytes("*2\r\n$5\r\nhello\r\n%1\r\n+k\r\n*2\r\n:1\r\n_\r\n");
        for (var cut = 0; cut < wire.Length; cut++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(wire, 0, cut));
            Assert.False(RespParser.TryRead(ref reader, RespReaderLimits.Default, out _), $"cut at {cut}");
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Fact]
    public void FrameSplitAcrossSegments_IsParsed()
    {
        var wire = Encoding.UTF8.GetBytes("*2\r\n$11\r\nhello world\r\n:12345\r\n");
        for (var cut = 1; cut < wire.Length; cut++)
        {
            var sequence = TwoSegments(wire.AsMemory(0, cut), wire.AsMemory(cut));
            var reader = new SequenceReader<byte>(sequence);
            Assert.True(RespParser.TryRead(ref reader, RespReaderLimits.Default, out var value), $"cut at {cut}");
            Assert.Equal("hello world", value.Elements[0].AsString());
            Assert.Equal(12345, value.Elements[1].AsInt64());
        }
    }

    [Fact]
    public void SeveralFrames_InOneBuffer_AreReadInOrder()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>("+a\r\n:2\r\n$1\r\nc\r\n"u8.ToArray()));
        var values = new List<string?>();
        while (RespParser.TryRead(ref reader, RespReaderLimits.Default, out var value)) values.Add(value.AsString());
        Assert.Equal(["a", "2", "c"], values);
    }

    [Theory]
    [InlineData("?3\r\n")]
    [InlineData(":12a\r\n")]
    [InlineData(":\r\n")]
    [InlineData("$abc\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("*-5\r\n")]
    [InlineData("$3\r\nabcXY")]
    [InlineData("#x\r\n")]
    [InlineData(",one\r\n")]
    [InlineData("(12x\r\n")]
    [InlineData("=3\r\ntxt\r\n")]
    [InlineData("_x\r\n")]
    [InlineData("$?\r\n")]
    public void MalformedReply_IsRejectedWithAClearError(string wire)
    {
        var error = Rejects(wire);
        Assert.StartsWith("Malformed RESP reply", error.Message);
    }

    [Fact]
    public void OversizedBulkString_IsRejectedFromItsHeader()
    {
        // Only the header has arrived: the claim alone is enough to reject it, before any allocation.
        var error = Rejects("$1073741824\r\n", RespReaderLimits.Default with { MaxBulkLength = 1024 * 1024 });
        Assert.Contains("exceeds the limit", error.Message);
    }

    [Fact]
    public void OversizedAggregate_IsRejected() =>
        Assert.Contains("exceeds the limit", Rejects("*1000\r\n", RespReaderLimits.Default with { MaxAggregateLength = 100 }).Message);

    [Fact]
    public void OversizedMap_CountsKeysAndValues() =>
        Assert.Contains("exceeds the limit", Rejects("%60\r\n", RespReaderLimits.Default with { MaxAggregateLength = 100 }).Message);

    [Fact]
    public void NestingDeeperThanLimit_IsRejected()
    {
        var deep = string.Concat(Enumerable.Repeat("*1\r\n", 10)) + ":1\r\n";
        Assert.Contains("nested", Rejects(deep, RespReaderLimits.Default with { MaxDepth = 5 }).Message);
        Assert.Equal(1, ParseOne(deep, RespReaderLimits.Default with { MaxDepth = 10 }).Elements[0].Elements[0].Elements[0]
            .Elements[0].Elements[0].Elements[0].Elements[0].Elements[0].Elements[0].Elements[0].AsInt64());
    }

    [Fact]
    public void LineWithoutCrLf_LongerThanLimit_IsRejected() =>
        Assert.Contains("without CRLF", Rejects("+" + new string('a', 200), RespReaderLimits.Default with { MaxLineLength = 100 }).Message);

    private static ReadOnlySequence<byte> TwoSegments(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
    {
        var head = new Segment(first);
        var tail = head.Append(second);
        return new ReadOnlySequence<byte>(head, 0, tail, tail.Memory.Length);
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
