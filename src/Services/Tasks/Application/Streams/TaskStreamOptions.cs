namespace Khcn.Tasks.Application.Streams;

/// <summary>Settings of the streaming methods (configuration section "TaskStreams").</summary>
public sealed class TaskStreamOptions
{
    public const string SectionName = "TaskStreams";

    /// <summary>
    /// How often a caught-up WatchTasks call looks for changes on its own. Changes committed by this process wake the
    /// watchers at once; the poll is what finds those of other instances sharing the database.
    /// </summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
