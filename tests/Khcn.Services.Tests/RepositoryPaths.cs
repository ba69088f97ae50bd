namespace Khcn.Services.Tests;

/// <summary>The repository checkout the tests were built from, for the files they check in place (seeds, .proto sources).</summary>
public static class RepositoryPaths
{
    /// <summary>The first folder above the test binaries that holds Khcn.sln.</summary>
    public static string Root { get; } = FindRoot();

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
