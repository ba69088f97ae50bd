using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.CoreApi;

public sealed class CallOptionsTests
{
    [Fact]
    public void WithMethods_ChangeOnlyTheirOwnProperty()
    {
        var headers = new Metadata { { "a", "1" } };
        var deadline = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var cts = new CancellationTokenSource();
        var original = new CallOptions(headers, deadline, cts.Token).WithWaitForReady();

        var changed = original.WithWriteOptions(new WriteOptions(WriteFlags.NoCompress));

        Assert.Same(headers, changed.Headers);
        Assert.Equal(deadline, changed.Deadline);
        Assert.Equal(cts.Token, changed.CancellationToken);
        Assert.True(changed.IsWaitForReady);
        Assert.Equal(WriteFlags.NoCompress, changed.WriteOptions!.Flags);
        Assert.Null(original.WriteOptions);
        Assert.False(original.WithWaitForReady(false).IsWaitForReady);
    }
}
