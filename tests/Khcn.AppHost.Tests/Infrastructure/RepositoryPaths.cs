using System.Reflection;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>The checkout the tests were built from, and the AppHost build that goes with them.</summary>
public static class RepositoryPaths
{
    /// <summary>The first folder above the test binaries that holds Khcn.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The AppHost built in the test assembly's own configuration (Release in CI, Debug locally) and target framework:
    /// the project reference builds it before the tests.
    /// </summary>
    public static string AppHostAssembly { get; } = Path.Combine(
        Root, "src", "AppHost", "bin", Configuration, TargetFramework, "Khcn.AppHost.dll");

    /// <summary>The ready-to-paste caller the AppHost's summary points at.</summary>
    public static string GrpcCallScript { get; } = Path.Combine(Root, "scripts", "grpc-call.py");

    private static string Configuration =>
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    // bin/<Configuration>/<TargetFramework>/: the test binaries' own folder names it.
    private static string TargetFramework => new DirectoryInfo(AppContext.BaseDirectory).Name;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Khcn.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Khcn.sln above {AppContext.BaseDirectory}.");
    }
}
