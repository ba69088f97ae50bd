namespace Grpc.AspNetCore.HealthChecks;

/// <summary>What a <see cref="ServiceMapping"/> predicate sees of one ASP.NET Core health check.</summary>
public sealed class HealthCheckMapContext(string name, IEnumerable<string> tags)
{
    /// <summary>The health check's registration name.</summary>
    public string Name { get; } = name;

    /// <summary>The health check's tags.</summary>
    public IEnumerable<string> Tags { get; } = tags;
}
