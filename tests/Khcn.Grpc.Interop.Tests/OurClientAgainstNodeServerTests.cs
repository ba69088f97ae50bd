using Khcn.Grpc.Interop.Tests.Cases;
using Khcn.Grpc.Interop.Tests.Fixtures;

namespace Khcn.Grpc.Interop.Tests;

/// <summary>Our GrpcChannel as the client, an @grpc/grpc-js server as the peer: one test per interop case.</summary>
public sealed class OurClientAgainstNodeServerTests(NodeServerFixture fixture) : IClassFixture<NodeServerFixture>
{
    [Theory]
    [MemberData(nameof(Cases))]
    public Task OurClient_PassesInteropCaseAgainstGrpcJs(string caseName) => fixture.Cases.RunAsync(caseName);

    public static TheoryData<string> Cases => InteropCaseNames.Data;
}
