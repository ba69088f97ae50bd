using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Khcn.Redis.Tests.Infrastructure;

namespace Khcn.Redis.Tests;

public class SecurityTests
{
    [Theory]
    [InlineData(RedisProtocol.Resp2)] // AUTH
    [InlineData(RedisProtocol.Resp3)] // HELLO 3 AUTH default ...
    public async Task PasswordFromConnectionString_Authenticates(RedisProtocol protocol)
    {
        await using var server = await RedisServer.StartAsync(password: "p@ss word");
        await using var client = await RedisConnection.ConnectAsync(RedisOptions.Parse(server.ConnectionString) with { Protocol = protocol });
        Assert.True(await client.SetAsync("k", "v"));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task WrongPassword_FailsTheConnectWithTheServerReason(RedisProtocol protocol)
    {
        await using var server = await RedisServer.StartAsync(password: "right");
        var options = RedisOptions.Parse($"127.0.0.1:{server.Port},password=wrong") with { Protocol = protocol };
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(options));
        Assert.Contains("WRONGPASS", error.Message);
    }

    [Fact]
    public async Task MissingPassword_MakesCommandsFailWithNoAuth()
    {
        await using var server = await RedisServer.StartAsync(password: "right");
        await using var client = await RedisConnection.ConnectAsync(RedisOptions.Parse($"127.0.0.1:{server.Port}") with { Protocol = RedisProtocol.Resp2 });
        Assert.Equal("NOAUTH", (await Assert.ThrowsAsync<RedisServerException>(() => client.GetAsync("k"))).ErrorCode);
    }

    [Fact]
    public async Task DefaultDatabase_IsSelectedOnConnect()
    {
        await using var server = await RedisServer.StartAsync();
        await using var db3 = await RedisConnection.ConnectAsync($"{server.ConnectionString},defaultDatabase=3");
        await using var db0 = await RedisConnection.ConnectAsync(server.ConnectionString);
        await db3.SetAsync("where", "three");
        Assert.Null(await db0.GetAsync("where"));
        Assert.Equal("three", await db3.GetStringAsync("where"));
        await db0.ExecuteAsync(new RedisCommand("SELECT", 3L));
        Assert.Equal("three", await db0.GetStringAsync("where"));
    }

    [Fact]
    public async Task Tls_ConnectsToTlsPort_TrustingTheServerCa()
    {
        await using var server = await RedisServer.StartAsync(password: "tls-pass", tls: true);
        var options = RedisOptions.Parse(server.ConnectionString) with { CertificateValidation = TrustOnly(server.CertificateAuthority!) };
        await using var client = await RedisConnection.ConnectAsync(options);
        await client.SetAsync("secure", new byte[100_000]);
        Assert.Equal(100_000, (await client.GetAsync("secure"))!.Length);
    }

    [Fact]
    public async Task Tls_RejectsAnUntrustedServerCertificate()
    {
        await using var server = await RedisServer.StartAsync(tls: true);
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(server.ConnectionString));
        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
    }

    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 authority) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    };
}
