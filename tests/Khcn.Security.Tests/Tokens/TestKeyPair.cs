namespace Khcn.Security.Tests.Tokens;

/// <summary>A key pair on disk: the private half for the python peer, the public half for the validator.</summary>
internal sealed record TestKeyPair(string PrivateKeyPath, string PublicKeyPath)
{
    public string PublicKeyPem => File.ReadAllText(PublicKeyPath);
}
