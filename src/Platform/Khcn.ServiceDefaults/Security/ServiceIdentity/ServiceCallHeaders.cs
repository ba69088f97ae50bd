namespace Khcn.ServiceDefaults.Security.ServiceIdentity;

/// <summary>The one header a bearer token travels in, shared by the caller's forwarded token and the service's own.</summary>
internal static class ServiceCallHeaders
{
    public const string Authorization = "authorization";

    public static string Bearer(string token) => "Bearer " + token;
}
