using Khcn.Data;

namespace Khcn.Tasks.Seeding;

/// <summary>
/// Section "Seeds": the folder with programmes.json and tasks.json (default: seeds/tasks next to the binary), whether
/// to load them and when to try again while Provinces is unreachable.
/// </summary>
public sealed class SeedOptions : SeedLoadOptions;
