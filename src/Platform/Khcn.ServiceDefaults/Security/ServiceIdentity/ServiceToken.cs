using Grpc.Core;
using Microsoft.Extensions.Configuration;

namespace Khcn.ServiceDefaults.Security.ServiceIdentity;

/// <summary>
/// The service's own bearer token, for calls it makes on its own behalf: a JWT kept in the file named by
/// <c>Authentication:ServiceToken:File</c>. The file is read on every use, so an
/// external agent rotates the token by rewriting the file, with no restart. Not configured: <see cref="Current"/> is null.
/// </summary>
public sealed class ServiceToken
{
    public const string FileSetting = "Authentication:ServiceToken:File";

    public ServiceToken(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[FileSetting];
        FilePath = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
    }

    /// <summary>The token file; null when the service has no identity of its own.</summary>
    public string? FilePath { get; }

    /// <summary>The token as the file holds it now (surrounding whitespace removed); null when not configured or unreadable.</summary>
    public string? Current
    {
        get
        {
            if (FilePath is null)
            {
                return null;
            }

            // Read on every use rather than on a change of the file's time and size: two tokens of one shape have the
            // same size, and a rewrite within the file system's timestamp tick would go unnoticed. A few hundred bytes
            // per call to another service costs far less than the call.
            return Read(FilePath);
        }
    }

    /// <summary>
    /// Call headers that authenticate as this service; null when no token file is configured. A configured file that
    /// is missing or empty throws rather than letting the call go out as someone else (the forwarded caller).
    /// </summary>
    public Metadata? AuthorizationHeaders()
    {
        if (FilePath is null)
        {
            return null;
        }

        var token = Current
            ?? throw new InvalidOperationException($"The service token file '{FilePath}' ({FileSetting}) is missing, unreadable or empty.");
        return new Metadata { { ServiceCallHeaders.Authorization, ServiceCallHeaders.Bearer(token) } };
    }

    private static string? Read(string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length == 0 ? null : token;
        }
        catch (IOException)
        {
            // Between an agent's delete and its write; the next call looks again.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
