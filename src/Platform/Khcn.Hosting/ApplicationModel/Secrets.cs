using System.Security.Cryptography;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Passwords generated per run, as Aspire does for its Redis and PostgreSQL resources.</summary>
internal static class Secrets
{
    // Letters and digits only: the value goes unquoted into connection strings of both forms.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string NewPassword(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);
}
