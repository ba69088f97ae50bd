using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class MetadataCodecTests
{
    [Fact]
    public void BinaryMetadata_IsSentAsUnpaddedBase64()
    {
        var headers = MetadataCodec.ToHeaders(new Metadata { { "trace-bin", new byte[] { 1, 2, 3, 4 } } }).ToList();

        Assert.Equal("AQIDBA", Assert.Single(headers).Value);
    }

    [Theory]
    [InlineData("AQIDBA")]
    [InlineData("AQIDBA==")]
    public void BinaryHeader_AcceptsPaddedAndUnpaddedBase64(string value)
    {
        var metadata = new Metadata();

        Assert.True(MetadataCodec.AddHeader(metadata, "trace-bin", value));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, metadata.GetValueBytes("trace-bin"));
    }

    [Fact]
    public void BinaryHeader_CommaSeparatedValuesBecomeSeparateEntries()
    {
        var metadata = new Metadata();

        MetadataCodec.AddHeader(metadata, "x-bin", "AQ, Ag==");

        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], metadata.GetAll("x-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public void BinaryHeader_InvalidBase64_IsSkipped()
    {
        var metadata = new Metadata();

        Assert.False(MetadataCodec.AddHeader(metadata, "x-bin", "!!!"));
        Assert.Empty(metadata);
    }

    [Theory]
    [InlineData(":path")]
    [InlineData("content-type")]
    [InlineData("te")]
    [InlineData("grpc-timeout")]
    [InlineData("grpc-status")]
    [InlineData("grpc-message")]
    [InlineData("grpc-encoding")]
    [InlineData("grpc-accept-encoding")]
    public void ReservedHeaders_AreNotExposedAsMetadata(string name)
    {
        var metadata = new Metadata();

        Assert.False(MetadataCodec.AddHeader(metadata, name, "x"));
        Assert.Empty(metadata);
    }

    [Fact]
    public void ReservedKeys_AreNotSentFromMetadata()
    {
        var metadata = new Metadata { { "grpc-status", "0" }, { "content-type", "text/plain" }, { "custom", "ok" } };

        Assert.Equal(["custom"], MetadataCodec.ToHeaders(metadata).Select(h => h.Key));
    }

    [Fact]
    public void StatusDetailsTrailer_IsApplicationVisible()
    {
        var metadata = MetadataCodec.FromHeaders([new("grpc-status-details-bin", ["CAU"]), new("grpc-status", ["5"])]);

        Assert.Equal(new byte[] { 8, 5 }, Assert.Single(metadata).ValueBytes);
    }

    [Fact]
    public void StringHeaders_KeepCommasAndCase()
    {
        var metadata = MetadataCodec.FromHeaders([new("X-Custom", ["a, B"])]);

        Assert.Equal("x-custom", metadata[0].Key);
        Assert.Equal("a, B", metadata[0].Value);
    }
}
