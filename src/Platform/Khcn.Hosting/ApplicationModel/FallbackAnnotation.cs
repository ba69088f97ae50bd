namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Added at start when a resource cannot run here (its server is not installed) and the services fall back to their
/// embedded default (in-memory cache, SQLite). Dependents then start without it and get no connection string.
/// </summary>
public sealed class FallbackAnnotation(string message) : IResourceAnnotation
{
    /// <summary>One line: what was missing, what is used instead, how to get the real thing.</summary>
    public string Message { get; } = message;
}
