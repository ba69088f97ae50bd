using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.CoreApi;

public sealed class MetadataTests
{
    [Fact]
    public void MetadataKey_IsNormalisedToLowercase()
    {
        var metadata = new Metadata { { "X-Request-ID", "1" } };

        Assert.Equal("x-request-id", metadata[0].Key);
        Assert.Equal("1", metadata.GetValue("X-REQUEST-ID"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:key")]
    [InlineData(":authority")]
    [InlineData("slash/key")]
    [InlineData("tỉnh")]
    public void MetadataKey_WithCharactersOutsideAllowedSet_IsRejected(string key)
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry(key, "value"));
    }

    [Theory]
    [InlineData("abc-123")]
    [InlineData("a.b_c-d")]
    [InlineData("0")]
    public void MetadataKey_WithLowercaseDigitsDotUnderscoreHyphen_IsAccepted(string key)
    {
        Assert.Equal(key, new Metadata.Entry(key, "value").Key);
    }

    [Fact]
    public void BinaryKey_GivenStringValue_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("trace-bin", "text"));
    }

    [Fact]
    public void StringKey_GivenByteValue_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("trace", [1, 2, 3]));
    }

    [Fact]
    public void BinaryEntry_ExposesBytesButNotString()
    {
        var entry = new Metadata.Entry("trace-BIN", [0, 255, 10]);

        Assert.True(entry.IsBinary);
        Assert.Equal("trace-bin", entry.Key);
        Assert.Equal(new byte[] { 0, 255, 10 }, entry.ValueBytes);
        Assert.Throws<InvalidOperationException>(() => entry.Value);
    }

    [Fact]
    public void BinaryEntry_IsNotAffectedByLaterChangesToCallerArrays()
    {
        var bytes = new byte[] { 1, 2 };
        var entry = new Metadata.Entry("x-bin", bytes);
        bytes[0] = 9;
        entry.ValueBytes[1] = 9;

        Assert.Equal(new byte[] { 1, 2 }, entry.ValueBytes);
    }

    [Fact]
    public void StringEntry_ValueBytesAreAscii()
    {
        var entry = new Metadata.Entry("k", "abc");

        Assert.False(entry.IsBinary);
        Assert.Equal("abc"u8.ToArray(), entry.ValueBytes);
    }

    [Fact]
    public void Get_ReturnsLastEntryWithKey_GetAllReturnsAllInOrder()
    {
        var metadata = new Metadata { { "k", "1" }, { "other", "x" }, { "k", "2" } };

        Assert.Equal("2", metadata.Get("k")!.Value);
        Assert.Equal(["1", "2"], metadata.GetAll("k").Select(e => e.Value));
        Assert.Null(metadata.Get("missing"));
        Assert.Null(metadata.GetValueBytes("missing"));
    }

    [Fact]
    public void GetValueBytes_ReturnsBinaryValue()
    {
        var metadata = new Metadata { { "blob-bin", new byte[] { 7 } } };

        Assert.Equal(new byte[] { 7 }, metadata.GetValueBytes("blob-bin"));
        Assert.Throws<InvalidOperationException>(() => metadata.GetValue("blob-bin"));
    }

    [Fact]
    public void EmptyMetadata_IsReadOnly()
    {
        Assert.True(Metadata.Empty.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("k", "v"));
        Assert.Empty(Metadata.Empty);
    }

    [Fact]
    public void BinaryHeaderSuffix_IsDashBin()
    {
        Assert.Equal("-bin", Metadata.BinaryHeaderSuffix);
    }
}
