namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. The port is chosen free at start unless <see cref="Port"/> fixes it; the
/// orchestrator stores the result in <see cref="AllocatedEndpoint"/> before any resource starts, so references between
/// resources (even cyclic ones, like Provinces ↔ Tasks) resolve.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port = null) : IResourceAnnotation
{
    /// <summary>The endpoint's name: <c>http</c> for projects, <c>tcp</c> for servers.</summary>
    public string Name { get; } = name;

    /// <summary>URI scheme: <c>http</c>, <c>https</c>, <c>tcp</c>.</summary>
    public string Scheme { get; } = scheme;

    /// <summary>A fixed port, or null for a free one chosen at start.</summary>
    public int? Port { get; } = port;

    /// <summary>Where the endpoint listens in this run; null until the orchestrator allocated it.</summary>
    public AllocatedEndpoint? AllocatedEndpoint { get; set; }
}
