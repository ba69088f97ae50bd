namespace Khcn.Dashboard.Resources;

/// <summary>One line a resource wrote to stdout or stderr, numbered per resource from 1.</summary>
public sealed record ConsoleLine(long Sequence, DateTimeOffset Timestamp, string Text);
