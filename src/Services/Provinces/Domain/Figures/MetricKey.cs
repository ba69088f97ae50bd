namespace Khcn.Provinces.Domain.Figures;

/// <summary>Metric keys are snake_case words ("tasks_provincial"), so reports of one metric group exactly.</summary>
public static class MetricKey
{
    public const int MaxLength = 63;

    public static bool IsValid(string? metric) =>
        !string.IsNullOrEmpty(metric)
        && metric.Length <= MaxLength
        && char.IsAsciiLetterLower(metric[0])
        && metric.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
