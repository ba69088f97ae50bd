using Grpc.Core;
using Khcn.Security;
using Khcn.Services.Tests.Audit;
using Khcn.Tasks.V1;
using Khcn.Tests.Tls;
using static Khcn.Services.Tests.Security.ProvinceWriteRecords;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// A caller without a token but with the client certificate of a configured system is admitted as that system
/// (subject <c>system:&lt;name&gt;</c>): its configured scopes and provinces decide, as a token's would, and the audit log
/// names it. A token, when sent, decides alone; a certificate of a system with no grants admits nobody.
/// </summary>
public sealed class CertificateCallerTests(CertificateCallerSuite suite) : IClassFixture<CertificateCallerSuite>
{
    private const string CreateTaskMethod = "/khcn.tasks.v1.TasksService/CreateTask";
    private const string ListTasksMethod = "/khcn.tasks.v1.TasksService/ListTasks";

    [Fact]
    public async Task CertificateCallerWithTheReadScope_ListsTasks_ButCannotWrite()
    {
        var reader = suite.TasksAs(CertificateCallerSuite.Reader);

        var listed = await reader.ListTasksAsync(new ListTasksRequest { PageSize = 5 }, SecuredCalls.Anonymous);
        var refusal = await RefusedAsync(() => reader.CreateTaskAsync(
            new CreateTaskRequest { Task = Topic(CertificateCallerSuite.ProvinceCode, Marker()) }, SecuredCalls.Anonymous));

        Assert.NotNull(listed);
        Assert.Equal("MISSING_SCOPE", refusal.Type);
        Assert.Equal(KhcnClaims.Scopes.TasksWrite, refusal.Metadata["required_scope"]);
    }

    [Fact]
    public async Task CertificateCaller_WritesItsProvince_AndIsRefusedAnother()
    {
        var writer = suite.TasksAs(CertificateCallerSuite.ProvinceSystem);

        var own = await writer.CreateTaskAsync(
            new CreateTaskRequest { Task = Topic(CertificateCallerSuite.ProvinceCode, Marker()) }, SecuredCalls.Anonymous);
        var refusal = await RefusedAsync(() => writer.CreateTaskAsync(
            new CreateTaskRequest { Task = Topic("20", Marker()) }, SecuredCalls.Anonymous));

        Assert.Equal(CertificateCallerSuite.ProvinceCode, own.ProvinceCode);
        Assert.Equal("PROVINCE_NOT_GRANTED", refusal.Type);
        Assert.Equal("20", refusal.Metadata["province_code"]);
    }

    [Fact]
    public async Task CertificateCallersWrites_AreAuditedAsTheSystem()
    {
        var call = new AuditedCall();
        var writer = suite.TasksAs(CertificateCallerSuite.ProvinceSystem);

        var created = await writer.CreateTaskAsync(
            new CreateTaskRequest { Task = Topic(CertificateCallerSuite.ProvinceCode, Marker()) }, call.WithoutToken());

        var events = await call.EventsAsync(suite.AuditOfTasks(), SecuredCalls.WithToken(suite.Keys.Mint(KhcnClaims.Scopes.AuditRead)));
        var audited = Assert.Single(events);
        Assert.Equal(created.Name, audited.Resource);
        Assert.Equal(CreateTaskMethod, audited.Method);
        Assert.Equal($"system:{CertificateCallerSuite.ProvinceSystem}", audited.Actor);
        Assert.Equal(CertificateCallerSuite.ProvinceSystem, audited.ClientId);
    }

    [Fact]
    public async Task CertificateOfASystemWithoutGrants_AndNoToken_IsUnauthenticated()
    {
        var stranger = suite.TasksAs(CertificateCallerSuite.Unconfigured);

        var info = await UnauthenticatedAsync(() => stranger.ListTasksAsync(new ListTasksRequest(), SecuredCalls.Anonymous));

        Assert.Equal("CERTIFICATE_NOT_GRANTED", info.Type);
        Assert.Equal(CertificateCallerSuite.Unconfigured, info.Metadata["system"]);
    }

    [Fact]
    public async Task TamperedToken_IsRefused_EvenWithAGoodCertificate()
    {
        var writer = suite.TasksAs(CertificateCallerSuite.ProvinceSystem);
        var tampered = TamperedToken.WithScope(suite.Keys.Mint(KhcnClaims.Scopes.TasksRead), KhcnClaims.Scopes.Ministry);

        var info = await UnauthenticatedAsync(() => writer.ListTasksAsync(new ListTasksRequest(), SecuredCalls.WithToken(tampered)));

        Assert.Equal("BAD_SIGNATURE", info.Type);
    }

    [Fact]
    public async Task ValidToken_DecidesAlone_OverTheCertificatesGrants()
    {
        // The certificate grants province 12; the token grants 20 only: the token's caller is who writes.
        var writer = suite.TasksAs(CertificateCallerSuite.ProvinceSystem);
        var token = SecuredCalls.WithToken(suite.Keys.Mint(
            new TokenShape([KhcnClaims.Scopes.TasksRead, KhcnClaims.Scopes.TasksWrite]) { Provinces = ["20"] }));

        var refusal = await RefusedAsync(() => writer.CreateTaskAsync(
            new CreateTaskRequest { Task = Topic(CertificateCallerSuite.ProvinceCode, Marker()) }, token));

        Assert.Equal("PROVINCE_NOT_GRANTED", refusal.Type);
    }

    [Fact]
    public async Task NoTokenAndNoCertificate_IsUnauthenticated_TokenMissing()
    {
        var anonymous = suite.TasksAs(system: null);

        var info = await UnauthenticatedAsync(() => anonymous.ListTasksAsync(new ListTasksRequest(), SecuredCalls.Anonymous));

        Assert.Equal("TOKEN_MISSING", info.Type);
    }

    [Fact]
    public async Task CertificateOnlyService_AdmitsAConfiguredSystem()
    {
        var reader = suite.TasksAs(CertificateCallerSuite.Reader, suite.CertificateOnlyTasks);

        var listed = await reader.ListTasksAsync(new ListTasksRequest { PageSize = 5 }, SecuredCalls.Anonymous);

        Assert.NotNull(listed);
    }

    [Fact]
    public async Task CertificateOnlyService_WithoutACertificate_IsUnauthenticated_CertificateMissing()
    {
        var anonymous = suite.TasksAs(system: null, suite.CertificateOnlyTasks);

        var info = await UnauthenticatedAsync(() => anonymous.ListTasksAsync(new ListTasksRequest(), SecuredCalls.Anonymous));

        Assert.Equal("CERTIFICATE_MISSING", info.Type);
    }

    [Fact]
    public async Task CertificateOnlyService_RefusesABearerToken_EvenAValidOne()
    {
        var reader = suite.TasksAs(CertificateCallerSuite.Reader, suite.CertificateOnlyTasks);
        var token = SecuredCalls.WithToken(suite.Keys.Mint(KhcnClaims.Scopes.TasksRead));

        var info = await UnauthenticatedAsync(() => reader.ListTasksAsync(new ListTasksRequest(), token));

        Assert.Equal("TOKENS_NOT_ACCEPTED", info.Type);
    }

    [Fact]
    public async Task PythonCallerWithACertificateOnly_ListsTasks()
    {
        var result = await PythonTlsCaller.CallAsync(
            suite.Tasks.Port, ListTasksMethod, suite.Certificates.AuthorityPath, suite.Certificates.ClientFiles(CertificateCallerSuite.Reader));

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
    }

    [Fact]
    public async Task PythonCallerWithAnUnconfiguredSystemsCertificate_IsUnauthenticated()
    {
        var result = await PythonTlsCaller.CallAsync(
            suite.Tasks.Port, ListTasksMethod, suite.Certificates.AuthorityPath, suite.Certificates.ClientFiles(CertificateCallerSuite.Unconfigured));

        Assert.Equal("UNAUTHENTICATED", result.Code);
    }

    private static Task<Google.Rpc.ErrorInfo> UnauthenticatedAsync<T>(Func<AsyncUnaryCall<T>> call) =>
        SecuredCalls.RefusedAsync(StatusCode.Unauthenticated, call);
}
