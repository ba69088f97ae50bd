namespace Aspire.Hosting;

/// <summary>
/// A .NET project of the AppHost, as the <c>Projects.*</c> classes generated at build time describe it (Aspire's
/// convention: one class per project reference marked <c>IsAspireProjectResource</c>, named after the project with
/// dots as underscores, e.g. <c>Projects.Khcn_Tasks</c>).
/// </summary>
public interface IProjectMetadata
{
    /// <summary>The project file.</summary>
    string ProjectPath { get; }

    /// <summary>The assembly the build produced (run with <c>dotnet</c>, so signals reach the service itself).</summary>
    string TargetPath { get; }
}
