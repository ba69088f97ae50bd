using System.Text;
using Google.Rpc;
using Khcn.Security;
using Khcn.Services.Tests.Security.ServiceIdentity;
using ExportTasksResponse = Khcn.Tasks.V1.ExportTasksResponse;
using Khcn.Tests.Tls;

namespace Khcn.Services.Tests.Security;

/// <summary>
/// The interop client of issue #9's done-when: Debian's python3-grpcio calling real services over TLS (trusting the
/// development CA) with a bearer token in the call metadata, unary and server-streaming.
/// </summary>
public sealed class PythonTokenOverTlsTests(TlsSecuredServices services) : IClassFixture<TlsSecuredServices>
{
    private const string ExportTasks = "/khcn.tasks.v1.TasksService/ExportTasks";

    [Fact]
    public async Task ValidToken_ListsProvincesOverTls()
    {
        var result = await CallProvincesAsync(services.Keys.Mint(KhcnClaims.Scopes.ProvincesRead));

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        Assert.Contains("provinces/", Encoding.UTF8.GetString(result.Response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_IsUnauthenticated_TokenMissing()
    {
        var result = await CallProvincesAsync(token: null);

        AssertRefused(result, "UNAUTHENTICATED", "TOKEN_MISSING");
    }

    [Fact]
    public async Task ExpiredToken_IsUnauthenticated_Expired()
    {
        var expired = services.Keys.Mint(new TokenShape([KhcnClaims.Scopes.ProvincesRead]) { ExpiresIn = TimeSpan.FromMinutes(-10) });

        var result = await CallProvincesAsync(expired);

        AssertRefused(result, "UNAUTHENTICATED", "EXPIRED");
    }

    [Fact]
    public async Task TamperedToken_IsUnauthenticated_BadSignature()
    {
        var tampered = TamperedToken.WithScope(services.Keys.Mint(KhcnClaims.Scopes.TasksRead), KhcnClaims.Scopes.Ministry);

        var result = await CallProvincesAsync(tampered);

        AssertRefused(result, "UNAUTHENTICATED", "BAD_SIGNATURE");
    }

    [Fact]
    public async Task TokenWithoutTheMethodsScope_IsPermissionDenied_MissingScope()
    {
        var result = await CallProvincesAsync(services.Keys.Mint(KhcnClaims.Scopes.TasksRead));

        AssertRefused(result, "PERMISSION_DENIED", "MISSING_SCOPE");
    }

    [Fact]
    public async Task ServerStreamingExport_WithToken_StreamsTheSeededTasks()
    {
        var result = await ExportTasksAsync(services.Keys.Mint(KhcnClaims.Scopes.TasksRead));

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        // Tasks' seeds were loaded at start-up under its service token: the register is not empty.
        var names = result.Responses.Select(r => ExportTasksResponse.Parser.ParseFrom(r).Task.Name).ToList();
        Assert.Contains("tasks/lai-chau-2020-2021-khoai-so-nam-khao", names);
    }

    [Fact]
    public async Task ServerStreamingExport_WithoutToken_IsUnauthenticatedBeforeAnyMessage()
    {
        var result = await ExportTasksAsync(token: null);

        AssertRefused(result, "UNAUTHENTICATED", "TOKEN_MISSING");
        Assert.Empty(result.Responses);
    }

    private Task<TlsCallResult> CallProvincesAsync(string? token) => PythonTlsCaller.CallAsync(
        services.Provinces.Address.Port,
        PythonTlsCaller.ListProvinces,
        new PythonCallOptions(services.Pki.AuthorityPath) { BearerToken = token });

    private Task<TlsCallResult> ExportTasksAsync(string? token) => PythonTlsCaller.CallAsync(
        services.Tasks.Address.Port,
        ExportTasks,
        new PythonCallOptions(services.Pki.AuthorityPath) { BearerToken = token, ServerStreaming = true });

    private static void AssertRefused(TlsCallResult result, string code, string reason)
    {
        Assert.False(result.Ok);
        Assert.Equal(code, result.Code);
        var info = Google.Rpc.Status.Parser.ParseFrom(result.StatusDetails).Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal(reason, info.Type);
        Assert.Equal("khcn.gov.vn", info.Domain);
    }
}
