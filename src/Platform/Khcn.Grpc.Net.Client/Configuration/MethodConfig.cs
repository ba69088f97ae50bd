namespace Grpc.Net.Client.Configuration;

/// <summary>Configuration applied to the methods listed in <see cref="Names"/> (gRPC service config "methodConfig").</summary>
public sealed class MethodConfig
{
    /// <summary>The methods this configuration applies to.</summary>
    public IList<MethodName> Names { get; } = new List<MethodName>();

    /// <summary>Retry policy for these methods; <c>null</c> disables retries.</summary>
    public RetryPolicy? RetryPolicy { get; set; }
}
