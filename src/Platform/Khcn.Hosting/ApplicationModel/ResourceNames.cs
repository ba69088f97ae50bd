using System.Text.RegularExpressions;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Aspire's rule for resource names: they become configuration keys and environment variable names
/// (<c>ConnectionStrings__cache</c>), so only ASCII letters, digits and hyphens, starting with a letter.
/// </summary>
public static partial class ResourceNames
{
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 64 || !ValidName().IsMatch(name) || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use 1-64 ASCII letters, digits and single hyphens, starting with a letter.", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex ValidName();
}
