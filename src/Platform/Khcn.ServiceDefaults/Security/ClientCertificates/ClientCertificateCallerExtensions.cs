using Khcn.Security.Certificates;
using Microsoft.AspNetCore.Http;

namespace Khcn.ServiceDefaults.Security.ClientCertificates;

public static class ClientCertificateCallerExtensions
{
    /// <summary>
    /// The system that presented the request's client certificate, or null without one (plain TLS, cleartext, or
    /// <see cref="ClientCertificateRequirement.Allow"/> and none sent). In a gRPC method: <c>context.GetHttpContext()</c>.
    /// </summary>
    public static ClientCertificateCaller? GetClientCertificateCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<ClientCertificateCallerFeature>() is { } known)
        {
            return known.Caller;
        }

        var caller = context.Connection.ClientCertificate is { } certificate && ClientCertificateIdentity.TryRead(certificate, out var system)
            ? new ClientCertificateCaller(system)
            : null;
        context.Features.Set(new ClientCertificateCallerFeature(caller));
        return caller;
    }
}
