using Grpc.Health.V1;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// The gRPC methods any caller may use without a token: health, so orchestrators and load balancers can probe,
/// and reflection, so other systems can discover the contracts (it can be switched off with <c>Reflection:Enabled</c>).
/// </summary>
internal static class OpenMethods
{
    private static readonly string HealthService = "/" + Health.Descriptor.FullName + "/";

    // Both grpc.reflection.v1 and grpc.reflection.v1alpha are served.
    private const string ReflectionPackage = "/grpc.reflection.";

    public static bool Contains(string fullMethodName) =>
        fullMethodName.StartsWith(HealthService, StringComparison.Ordinal)
        || fullMethodName.StartsWith(ReflectionPackage, StringComparison.Ordinal);
}
