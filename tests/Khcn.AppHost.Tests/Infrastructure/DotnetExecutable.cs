namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>
/// The dotnet host by absolute path: a test may start the AppHost with a PATH that leaves dotnet out, and the AppHost
/// runs its services with the host that runs it.
/// </summary>
public static class DotnetExecutable
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        // Set by the dotnet CLI (dotnet test) for the processes it starts.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromCli && File.Exists(fromCli))
        {
            return fromCli;
        }

        // The test host itself runs on dotnet when started some other way (an IDE, vstest.console).
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "dotnet"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new FileNotFoundException("No dotnet host: DOTNET_HOST_PATH is unset and dotnet is not on PATH.");
    }
}
