using System.Security.Cryptography;
using System.Text;

namespace Khcn.Data;

/// <summary>One versioned SQL script of a component, for one provider.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>Lower-case hex SHA-256 of <see cref="NormalizeForChecksum"/>(<see cref="Sql"/>).</summary>
    /// <remarks>Computed on access (not stored) so a <c>with</c> copy with other text gets its own checksum.</remarks>
    public string Checksum => ComputeChecksum(Sql);

    /// <summary>"0002_create_books", as in the file name.</summary>
    public string FullName => $"{Version:D4}_{Name}";

    /// <summary>
    /// Drops what editors and git change without changing meaning (BOM, CRLF vs LF, trailing whitespace), so a
    /// checkout on another OS does not look like an edited migration. Everything else counts, comments included.
    /// </summary>
    public static string NormalizeForChecksum(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var lines = sql.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(line => line.TrimEnd())).Trim('\n');
    }

    private static string ComputeChecksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeForChecksum(sql))));
}
