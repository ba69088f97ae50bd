namespace Aspire.Hosting.ApplicationModel;

/// <summary>The address an endpoint has in this run.</summary>
public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    /// <summary><c>http://127.0.0.1:5101</c> (or <c>tcp://…</c>).</summary>
    public string Url => $"{Scheme}://{Host}:{Port}";

    /// <summary><c>127.0.0.1:5101</c>, the form grpcurl and Python's grpc take.</summary>
    public string HostAndPort => $"{Host}:{Port}";
}
