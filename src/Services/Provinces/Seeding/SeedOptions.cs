namespace Khcn.Provinces.Seeding;

/// <summary>Where the seed facts are read from at start-up (section "Seeds").</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Folder with provinces.json, officials.json, …; default: seeds/provinces next to the binary.</summary>
    public string? Path { get; set; }

    /// <summary>Set false to start with an empty database (province reference data is still loaded).</summary>
    public bool LoadFacts { get; set; } = true;
}
