using System.Security.Cryptography;

namespace Khcn.Security.Tests.Tokens;

/// <summary>Real RSA and EC key pairs, generated once per test class in a temp directory that is removed afterwards.</summary>
public sealed class TestKeys : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("khcn-security-keys-").FullName;

    public TestKeys()
    {
        Rsa = Write("rsa", RSA.Create(2048));
        OtherRsa = Write("other-rsa", RSA.Create(2048));
        Ec = Write("ec", ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    internal TestKeyPair Rsa { get; }

    /// <summary>A key nobody configured: tokens it signs must not verify.</summary>
    internal TestKeyPair OtherRsa { get; }

    internal TestKeyPair Ec { get; }

    internal string PathFor(string fileName) => Path.Combine(directory, fileName);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private TestKeyPair Write(string name, AsymmetricAlgorithm key)
    {
        using (key)
        {
            var pair = new TestKeyPair(PathFor(name + ".key.pem"), PathFor(name + ".pub.pem"));
            File.WriteAllText(pair.PrivateKeyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(pair.PublicKeyPath, key.ExportSubjectPublicKeyInfoPem());
            return pair;
        }
    }
}
