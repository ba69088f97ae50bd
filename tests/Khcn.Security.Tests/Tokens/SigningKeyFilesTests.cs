using System.Security.Cryptography;
using Khcn.Security.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Security.Tests.Tokens;

public sealed class SigningKeyFilesTests(TestKeys keys) : IClassFixture<TestKeys>
{
    [Fact]
    public void SpkiPublicKeysLoadAsRsaAndEcKeys()
    {
        var loaded = SigningKeyFiles.Load([keys.Rsa.PublicKeyPath, keys.Ec.PublicKeyPath]);

        Assert.IsType<RsaSecurityKey>(loaded[0]);
        Assert.IsType<ECDsaSecurityKey>(loaded[1]);
    }

    [Fact]
    public void Pkcs1RsaPublicKeyLoads()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(keys.Rsa.PublicKeyPem);
        var path = keys.PathFor("pkcs1.pub.pem");
        File.WriteAllText(path, rsa.ExportRSAPublicKeyPem());

        Assert.IsType<RsaSecurityKey>(Assert.Single(SigningKeyFiles.LoadFile(path)));
    }

    [Fact]
    public void PrivateKeyFileIsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeyFiles.LoadFile(keys.Rsa.PrivateKeyPath));

        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymmetricJwksKeyIsRefused()
    {
        // An "oct" key configured as a verification key would turn every reader of the file into a token issuer.
        var path = keys.PathFor("oct.jwks.json");
        File.WriteAllText(path, """{"keys":[{"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}]}""");

        Assert.Throws<InvalidOperationException>(() => SigningKeyFiles.LoadFile(path));
    }

    [Fact]
    public void JwksWithAnEcSigningKeyLoads()
    {
        var path = keys.PathFor("ec.jwks.json");
        File.WriteAllText(path, Jwks.Of(keys.Ec, "k1"));

        var key = Assert.IsType<JsonWebKey>(Assert.Single(SigningKeyFiles.LoadFile(path)));
        Assert.Equal("k1", key.KeyId);
    }
}
