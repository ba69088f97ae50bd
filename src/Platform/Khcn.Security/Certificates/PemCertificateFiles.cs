using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Security.Certificates;

/// <summary>
/// Certificates as PEM files, the format Kestrel, grpcio, OpenSSL and most other peers read:
/// &lt;name&gt;.crt for the certificate and &lt;name&gt;.key (PKCS#8, readable by its owner only) for its private key.
/// </summary>
public static class PemCertificateFiles
{
    public const string AuthorityName = "ca";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes the authority's certificate as ca.crt, the bundle peers trust; its key only when asked (ca.key).</summary>
    public static void WriteAuthority(string folder, DevelopmentCertificateAuthority authority, bool includePrivateKey = false)
    {
        ArgumentNullException.ThrowIfNull(authority);
        Write(folder, AuthorityName, authority.Certificate, includePrivateKey);
    }

    /// <summary>Writes &lt;name&gt;.crt and, with <paramref name="includePrivateKey"/>, &lt;name&gt;.key (mode 0600).</summary>
    public static void Write(string folder, string name, X509Certificate2 certificate, bool includePrivateKey = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(certificate);

        Directory.CreateDirectory(folder);
        File.WriteAllText(CertificatePath(folder, name), certificate.ExportCertificatePem() + "\n");
        if (includePrivateKey)
        {
            WritePrivateKey(KeyPath(folder, name), ExportPrivateKeyPem(certificate));
        }
    }

    /// <summary>Loads a certificate with its private key, as written by <see cref="Write"/>.</summary>
    public static X509Certificate2 LoadWithPrivateKey(string folder, string name) =>
        X509Certificate2.CreateFromPemFile(CertificatePath(folder, name), KeyPath(folder, name));

    /// <summary>Loads a bundle of trusted authorities (one or more PEM certificates in one file), e.g. ca.crt.</summary>
    public static X509Certificate2Collection LoadBundle(string path)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(path);
        if (bundle.Count == 0)
        {
            throw new InvalidDataException($"'{path}' holds no PEM certificate.");
        }

        return bundle;
    }

    public static string CertificatePath(string folder, string name) => Path.Combine(folder, name + ".crt");

    public static string KeyPath(string folder, string name) => Path.Combine(folder, name + ".key");

    private static string ExportPrivateKeyPem(X509Certificate2 certificate)
    {
        if (certificate.GetECDsaPrivateKey() is { } ecdsa)
        {
            using (ecdsa)
            {
                return ecdsa.ExportPkcs8PrivateKeyPem();
            }
        }

        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                return rsa.ExportPkcs8PrivateKeyPem();
            }
        }

        throw new ArgumentException($"'{certificate.Subject}' has no exportable ECDSA or RSA private key.", nameof(certificate));
    }

    // The file is created with mode 0600 rather than restricted after writing, so the key is never readable by others.
    private static void WritePrivateKey(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
            writer.Write('\n');
        }

        // UnixCreateMode applies to new files only: an existing key file keeps its mode unless it is set again.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
    }
}
