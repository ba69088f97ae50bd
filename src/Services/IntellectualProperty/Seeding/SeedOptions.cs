namespace Khcn.IntellectualProperty.Seeding;

/// <summary>Where the seed facts are read from at start-up (section "Seeds").</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Folder with assets.json; default: seeds/ip next to the binary.</summary>
    public string? Path { get; set; }

    /// <summary>Set false to start with an empty register.</summary>
    public bool Load { get; set; } = true;

    /// <summary>
    /// How long to wait before trying again when the Provinces service (which the seeds' province codes are checked
    /// against) could not be reached at start-up. The service serves meanwhile; the seeds arrive once Provinces answers.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
