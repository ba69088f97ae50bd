namespace Aspire.Hosting.ApplicationModel;

/// <summary>Arguments appended to a resource's command line.</summary>
public sealed class CommandLineArgsAnnotation(IReadOnlyList<string> args) : IResourceAnnotation
{
    public IReadOnlyList<string> Args { get; } = args;
}
