namespace Aspire.Hosting.ApplicationModel;

/// <summary>Any program run as a resource (Aspire's <c>AddExecutable</c>): healthy while its process runs.</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory)
    : Resource(name), IResourceWithEnvironment, IResourceWithWaitSupport
{
    /// <summary>A path, or a program looked up on PATH.</summary>
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
