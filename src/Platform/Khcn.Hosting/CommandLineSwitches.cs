namespace Khcn.Hosting;

/// <summary>
/// Lets the AppHost take bare switches (<c>--postgres</c>) besides configuration pairs: the command-line configuration
/// provider wants a value after every key, so a switch followed by nothing or by another option becomes
/// <c>--postgres=true</c>.
/// </summary>
internal static class CommandLineSwitches
{
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var isBareSwitch = arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && !arg.Contains('=', StringComparison.Ordinal);
            var nextIsValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            result.Add(isBareSwitch && !nextIsValue ? arg + "=true" : arg);
        }

        return [.. result];
    }
}
