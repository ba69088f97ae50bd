namespace Khcn.AppHost;

/// <summary>The checkout the AppHost runs from: the nearest folder above the working directory holding Khcn.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Khcn.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the AppHost from inside the Khcn checkout (no Khcn.sln above the working directory).");
    }
}
