using System.Diagnostics;

namespace Khcn.Data.Diagnostics;

/// <summary>
/// The spans Khcn.Data emits itself: one per SQLite command. PostgreSQL needs none from us, Npgsql traces its
/// commands under its own "Npgsql" source.
/// </summary>
public static class DatabaseTelemetry
{
    /// <summary>The ActivitySource name to export (OpenTelemetry <c>AddSource</c>).</summary>
    public const string SourceName = "Khcn.Data";

    internal static readonly ActivitySource Source = new(SourceName);
}
