namespace Khcn.Data;

/// <summary>
/// What every service's seed options share (section "Seeds"): where the files are, whether to load at all, and how
/// long to wait before trying again when a service the seeds are validated against was unreachable at start-up.
/// </summary>
public abstract class SeedLoadOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Folder with the service's seed files; default: seeds/{service} next to the binary (see <see cref="FolderOr"/>).</summary>
    public string? Path { get; set; }

    /// <summary>Set false to start with an empty database.</summary>
    public bool Load { get; set; } = true;

    /// <summary>
    /// How long to wait before trying again when the Provinces service (which the seeds' province codes are checked
    /// against) could not be reached at start-up. The service serves meanwhile; the seeds arrive once Provinces answers.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The folder the files are read from: <see cref="Path"/> (relative to the working directory), else
    /// seeds/<paramref name="serviceFolder"/> next to the binary, where the build copies the service's seeds.
    /// </summary>
    public string FolderOr(string serviceFolder) => Path is { Length: > 0 } configured
        ? System.IO.Path.GetFullPath(configured)
        : System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", serviceFolder);
}
