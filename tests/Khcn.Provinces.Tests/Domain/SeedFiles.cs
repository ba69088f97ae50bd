using Khcn.Data;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Domain.Provinces;
using Khcn.Provinces.Seeding;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Tests.Domain;

/// <summary>
/// The seed files the service under test loads: the Provinces project copies seeds/provinces next to its binary,
/// and so next to these tests' (its default Seeds:Path).
/// </summary>
internal static class SeedFiles
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "seeds", "provinces");

    public static IReadOnlyList<ProvinceUnit> ProvinceUnits() =>
        [.. SeedFile.Read<Province>(Path.Combine(Folder, "provinces.json"), "provinces").Select(ProvinceMapping.ToEntity)];

    public static IReadOnlyList<Official> Officials() =>
        SeedFile.Read<Official>(Path.Combine(Folder, "officials.json"), "officials");

    public static IReadOnlyList<Department> Departments() =>
        SeedFile.Read<Department>(Path.Combine(Folder, "departments.json"), "departments");

    /// <summary>How many records a seed file holds (its one array's length).</summary>
    public static int RecordCount(string fileName, string arrayProperty)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, fileName)));
        return document.RootElement.GetProperty(arrayProperty).GetArrayLength();
    }
}
