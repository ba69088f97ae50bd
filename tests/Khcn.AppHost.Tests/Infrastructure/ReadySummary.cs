using System.Globalization;
using System.Text.RegularExpressions;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>
/// What the AppHost prints once every resource is healthy (or fell back): the count and start-up time, a row per
/// resource, the ready-to-paste <c>try:</c> command and the log directory.
/// </summary>
public sealed partial record ReadySummary(int Count, double Seconds, IReadOnlyList<ResourceRow> Rows, string? TryCommand, string LogDirectory, Uri? Dashboard)
{
    [GeneratedRegex(@"^\[apphost\]\s+all (\d+) resources healthy in ([0-9.]+) s")]
    public static partial Regex HeadlinePattern();

    [GeneratedRegex(@"^\[apphost\]\s+logs: (?<directory>.+)$")]
    public static partial Regex LogsPattern();

    [GeneratedRegex(@"^\[apphost\]\s+(?<name>[a-z][a-z0-9-]*)\s+(?<state>healthy|fallback)\s+(?<endpoint>\S+)\s+(?<pid>\d+|-)\s*$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^\[apphost\]\s+try: (?<command>.+)$")]
    private static partial Regex TryPattern();

    [GeneratedRegex(@"^\[apphost\]\s+dashboard: (?<url>http://\S+)$")]
    private static partial Regex DashboardPattern();

    public ResourceRow this[string name] =>
        Rows.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No row for '{name}' in the summary ({string.Join(", ", Rows.Select(r => r.Name))}).");

    /// <summary>Parses the lines from the headline to the <c>logs:</c> line; resource log lines in between are skipped.</summary>
    public static ReadySummary Parse(IReadOnlyList<string> lines)
    {
        var headline = HeadlinePattern().Match(lines[0]);
        if (!headline.Success)
        {
            throw new FormatException($"Not a summary headline: {lines[0]}");
        }

        var rows = new List<ResourceRow>();
        string? tryCommand = null;
        Uri? dashboard = null;
        foreach (var line in lines.Skip(1))
        {
            if (RowPattern().Match(line) is { Success: true } row)
            {
                rows.Add(new ResourceRow(
                    row.Groups["name"].Value,
                    row.Groups["state"].Value,
                    row.Groups["endpoint"].Value is var endpoint && endpoint != "-" ? endpoint : null,
                    row.Groups["pid"].Value is var pid && pid != "-" ? int.Parse(pid, CultureInfo.InvariantCulture) : null));
            }
            else if (TryPattern().Match(line) is { Success: true } command)
            {
                tryCommand = command.Groups["command"].Value;
            }
            else if (DashboardPattern().Match(line) is { Success: true } url)
            {
                dashboard = new Uri(url.Groups["url"].Value);
            }
        }

        return new ReadySummary(
            int.Parse(headline.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(headline.Groups[2].Value, CultureInfo.InvariantCulture),
            rows,
            tryCommand,
            LogsPattern().Match(lines[^1]).Groups["directory"].Value,
            dashboard);
    }
}
