namespace Grpc.Core;

/// <summary>Information about the call an <see cref="AsyncAuthInterceptor"/> is attaching credentials to.</summary>
public class AuthInterceptorContext
{
    public AuthInterceptorContext(string serviceUrl, string methodName)
        : this(serviceUrl, methodName, CancellationToken.None)
    {
    }

    public AuthInterceptorContext(string serviceUrl, string methodName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(methodName);
        ServiceUrl = serviceUrl;
        MethodName = methodName;
        CancellationToken = cancellationToken;
    }

    /// <summary>URL of the service, e.g. "https://host:port/pkg.Service".</summary>
    public string ServiceUrl { get; }

    /// <summary>Unqualified method name.</summary>
    public string MethodName { get; }

    public CancellationToken CancellationToken { get; }
}
