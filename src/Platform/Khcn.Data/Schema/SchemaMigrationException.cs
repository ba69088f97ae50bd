namespace Khcn.Data;

/// <summary>
/// The database schema and the code disagree (an applied script was edited, the database is newer than the code,
/// or the scripts themselves are inconsistent); the service must not start on such a database.
/// </summary>
public sealed class SchemaMigrationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
