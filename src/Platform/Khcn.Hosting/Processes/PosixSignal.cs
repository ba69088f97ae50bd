namespace Khcn.Hosting.Processes;

/// <summary>Linux signal numbers the AppHost sends.</summary>
internal enum PosixSignal
{
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}
