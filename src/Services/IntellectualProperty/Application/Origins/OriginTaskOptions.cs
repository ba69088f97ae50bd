namespace Khcn.IntellectualProperty.Application.Origins;

/// <summary>How origin tasks are looked up (configuration section "OriginTasks").</summary>
public sealed class OriginTaskOptions
{
    public const string SectionName = "OriginTasks";

    /// <summary>Deadline of each GetTask call, retries of UNAVAILABLE included.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
