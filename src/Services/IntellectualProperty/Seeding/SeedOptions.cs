using Khcn.Data;

namespace Khcn.IntellectualProperty.Seeding;

/// <summary>
/// Section "Seeds": the folder with assets.json (default: seeds/ip next to the binary), whether to load them and when
/// to try again while Provinces is unreachable.
/// </summary>
public sealed class SeedOptions : SeedLoadOptions;
