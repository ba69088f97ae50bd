namespace Khcn.Grpc.Errors;

/// <summary>The google.rpc.ErrorInfo domain of errors raised by Khcn services (AIP-193: the service's DNS-like name).</summary>
public static class KhcnErrorDomain
{
    public const string Value = "khcn.gov.vn";
}
