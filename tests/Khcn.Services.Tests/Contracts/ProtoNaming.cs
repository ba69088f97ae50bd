using System.Text;

namespace Khcn.Services.Tests.Contracts;

/// <summary>Name conversions the AIPs rely on (PascalCase type names, snake_case fields).</summary>
public static class ProtoNaming
{
    /// <summary>"TaskLevel" → "TASK_LEVEL".</summary>
    public static string ToScreamingSnake(string pascal) => ToSnake(pascal).ToUpperInvariant();

    /// <summary>"ReportedFigure" → "reported_figure".</summary>
    public static string ToSnake(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }

    public static bool IsLowerSnake(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    public static bool IsUpperSnake(string name) =>
        name.Length > 0 && char.IsAsciiLetterUpper(name[0]) && name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
