namespace Khcn.Provinces.Domain.Departments;

/// <summary>A province's S&amp;T department (singleton per province code).</summary>
public sealed class Department
{
    public required string ProvinceCode { get; init; }

    public required string DisplayName { get; set; }

    public string Address { get; set; } = "";

    /// <summary>Units merged into the department (e.g. the former information-and-communications department).</summary>
    public List<Absorption> AbsorbedUnits { get; set; } = [];

    /// <summary>Optimistic-concurrency version; the etag is derived from it.</summary>
    public long Version { get; set; }

    public DateTime UpdateTime { get; set; }
}
