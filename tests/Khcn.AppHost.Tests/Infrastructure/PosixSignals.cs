using System.Runtime.InteropServices;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>The signals the tests send, with libc's kill(2): .NET's Process.Kill only knows SIGKILL.</summary>
public static class PosixSignals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    /// <summary>Signals one process; false when it no longer exists.</summary>
    public static bool Send(int processId, int signal) => processId > 0 && SendSignal(processId, signal) == 0;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
