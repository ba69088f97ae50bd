using Khcn.Grpc.Interop.Tests.Cases;
using Khcn.Grpc.Interop.Tests.Fixtures;

namespace Khcn.Grpc.Interop.Tests;

/// <summary>
/// grpc Python (C-core, Debian's python3-grpcio) as the client, our Kestrel server hosting
/// TestService: one test per interop case.
/// </summary>
public sealed class PythonClientAgainstOurServerTests(PythonClientFixture fixture) : IClassFixture<PythonClientFixture>
{
    // The Python client cannot see the compressed flag of what it receives; for these cases the
    // flags of the tagged calls are checked on what our server wrote (see ResponseMessageFlags).
    private static readonly Dictionary<string, Dictionary<string, bool[]>> ExpectedResponseFlags = new()
    {
        ["server_compressed_unary"] = new()
        {
            ["server_compressed_unary/compressed"] = [true],
            ["server_compressed_unary/uncompressed"] = [false],
        },
        ["server_compressed_streaming"] = new()
        {
            ["server_compressed_streaming"] = [true, false],
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PythonClient_PassesInteropCase(string caseName)
    {
        var result = await fixture.Client.RunCaseAsync(fixture.Server.Target, caseName);

        Assert.Equal(caseName, result.Case);
        Assert.True(result.Passed, $"{caseName} failed in the Python client: {result.Detail}");
        foreach (var (callId, flags) in ExpectedResponseFlags.GetValueOrDefault(caseName) ?? [])
        {
            Assert.Equal(flags, fixture.Server.ResponseFlags.ForCall(callId));
        }
    }

    public static TheoryData<string> Cases => InteropCaseNames.Data;
}
