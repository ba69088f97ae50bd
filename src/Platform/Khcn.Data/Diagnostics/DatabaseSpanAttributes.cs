namespace Khcn.Data.Diagnostics;

/// <summary>Attribute names of OpenTelemetry's database client span conventions (stable since semconv 1.33).</summary>
internal static class DatabaseSpanAttributes
{
    public const string SystemName = "db.system.name";

    /// <summary>The pre-stable name of <see cref="SystemName"/>.</summary>
    public const string LegacySystem = "db.system";

    public const string Namespace = "db.namespace";

    public const string OperationName = "db.operation.name";

    public const string QueryText = "db.query.text";

    public const string ResponseStatusCode = "db.response.status_code";

    public const string ErrorType = "error.type";

    public const string Sqlite = "sqlite";
}
