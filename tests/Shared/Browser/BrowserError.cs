namespace Khcn.Tests.Browser;

/// <summary>Something the page reported as an error: an uncaught exception, console.error, or a browser log entry
/// such as a failed request or a Content-Security-Policy violation.</summary>
/// <param name="Source">exception, console or the Log domain's source (network, security, javascript...).</param>
public sealed record BrowserError(string Source, string Message, string? Url)
{
    public override string ToString() => Url is null ? $"[{Source}] {Message}" : $"[{Source}] {Message} ({Url})";
}
