using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Khcn.Data;

/// <summary>Classifies constraint violations the same way on both providers.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A unique or primary key constraint was violated (e.g. a duplicate request_id or resource id).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => Classify(e) == Violation.Unique;

    /// <summary>A foreign key constraint was violated (a referenced row is missing or still referenced).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException e) => Classify(e) == Violation.ForeignKey;

    private static Violation Classify(DbUpdateException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: SqliteConstraint } sqlite:
                    return sqlite.SqliteExtendedErrorCode switch
                    {
                        SqliteConstraintUnique or SqliteConstraintPrimaryKey => Violation.Unique,
                        SqliteConstraintForeignKey => Violation.ForeignKey,
                        _ => Violation.Other,
                    };
                case PostgresException postgres:
                    return postgres.SqlState switch
                    {
                        PostgresErrorCodes.UniqueViolation => Violation.Unique,
                        PostgresErrorCodes.ForeignKeyViolation => Violation.ForeignKey,
                        _ => Violation.Other,
                    };
            }
        }
        return Violation.Other;
    }

    private enum Violation { Other, Unique, ForeignKey }
}
