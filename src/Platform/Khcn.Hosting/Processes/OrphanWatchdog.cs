namespace Khcn.Hosting.Processes;

/// <summary>
/// Outlives an AppHost killed without a chance to stop its children (SIGKILL, a crash, an IDE's stop button): once the
/// AppHost's process is gone it sends SIGTERM to every child still listed in the <see cref="ChildProcessRegistry"/>
/// file, and SIGKILL five seconds later. A child is signalled only if its start time still matches, so a pid reused by
/// an unrelated process is left alone. After a normal stop it is disposed and does nothing.
/// </summary>
internal static class OrphanWatchdog
{
    public static DetachedShell Start(ChildProcessRegistry registry, int watchedProcessId)
    {
        var file = DetachedShell.Quote(registry.FilePath);
        return DetachedShell.Start($$"""
            while kill -0 {{watchedProcessId}}; do sleep 1; done
            [ -f {{file}} ] || exit 0
            signal_children() {
              while read -r pid start; do
                now=$(sed 's/.*) //' /proc/"$pid"/stat | cut -d' ' -f{{ProcStat.StartTimeFieldAfterCommand + 1}})
                [ "$now" = "$start" ] && kill -"$1" "$pid"
              done < {{file}}
            }
            signal_children TERM
            sleep 5
            signal_children KILL
            """);
    }
}
