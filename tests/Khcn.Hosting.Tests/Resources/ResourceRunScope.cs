using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Logging;
using Khcn.Hosting.Orchestration;

namespace Khcn.Hosting.Tests.Resources;

/// <summary>
/// What the orchestrator hands a runner, built by hand: the resource's endpoints allocated on free loopback ports, a
/// work directory and a real log in a temporary run directory (deleted on dispose).
/// </summary>
internal sealed class ResourceRunScope : IAsyncDisposable
{
    private readonly string _runDirectory = Directory.CreateTempSubdirectory("khcn-hosting-resource-test-").FullName;
    private readonly RunLogs _logs;

    public ResourceRunScope(IResource resource)
    {
        PortAllocator.AllocateAll([resource]);
        _logs = new RunLogs(Path.Combine(_runDirectory, "logs"), TextWriter.Null, color: false);
        Log = _logs.For(resource.Name);
        var workDirectory = Directory.CreateDirectory(Path.Combine(_runDirectory, resource.Name)).FullName;
        var options = new AppHostOptions { RunsRoot = _runDirectory, StopTimeout = TimeSpan.FromSeconds(10) };
        Context = new RunContext(Log, workDirectory, new Dictionary<string, string>(), [], options);
    }

    public RunContext Context { get; }

    public ResourceLog Log { get; }

    /// <summary>Everything the resource logged so far.</summary>
    public string LogText()
    {
        using var reader = new StreamReader(new FileStream(Log.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await _logs.DisposeAsync();
        Directory.Delete(_runDirectory, recursive: true);
    }
}
