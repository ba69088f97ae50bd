using System.Runtime.InteropServices;

namespace Khcn.Hosting.Processes;

/// <summary>Sends POSIX signals with libc's kill(2); .NET's Process.Kill only knows SIGKILL.</summary>
internal static class SignalSender
{
    /// <summary>Signals one process; false when it no longer exists (or may not be signalled).</summary>
    public static bool TrySend(int processId, PosixSignal signal) => processId > 0 && Kill(processId, (int)signal) == 0;

    /// <summary>Signals every process of a process group (a negative pid for kill(2)).</summary>
    public static bool TrySendToGroup(int processGroupId, PosixSignal signal) =>
        processGroupId > 0 && Kill(-processGroupId, (int)signal) == 0;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
