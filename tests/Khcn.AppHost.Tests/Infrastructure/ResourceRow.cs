namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>One row of the AppHost's ready summary: <c>[apphost]   name  state  endpoint  pid</c>.</summary>
/// <param name="Endpoint">A URL (<c>http://127.0.0.1:40123</c>, <c>tcp://127.0.0.1:40001</c>), or null for "-".</param>
/// <param name="Pid">The resource's process, or null for "-" (a database, a fallback).</param>
public sealed record ResourceRow(string Name, string State, string? Endpoint, int? Pid)
{
    public bool IsHealthy => State == "healthy";
}
