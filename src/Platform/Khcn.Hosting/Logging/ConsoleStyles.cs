namespace Khcn.Hosting.Logging;

/// <summary>
/// ANSI SGR codes for the <c>[name]</c> prefixes, written as text because the console may be any TextWriter (a pipe,
/// a test's writer) where Console.ForegroundColor would mean nothing.
/// </summary>
internal static class ConsoleStyles
{
    public const string Reset = "\e[0m";

    public const string AppHost = "\e[1;37m"; // bold white

    // cyan, green, magenta, yellow, blue, red
    private static readonly string[] ResourcePalette = ["\e[36m", "\e[32m", "\e[35m", "\e[33m", "\e[34m", "\e[31m"];

    /// <summary>The style of the <paramref name="index"/>-th resource, round-robin over the palette.</summary>
    public static string ForResource(int index) => ResourcePalette[index % ResourcePalette.Length];
}
