using Khcn.Provinces.V1;

namespace Khcn.Services.Tests.Seeds;

/// <summary>The Provinces service's seed files, parsed into the contract messages.</summary>
public sealed class ProvinceSeedSet
{
    public const string ProvincesFile = "provinces/provinces.json";
    public const string DepartmentsFile = "provinces/departments.json";
    public const string OfficialsFile = "provinces/officials.json";
    public const string EngagementsFile = "provinces/engagements.json";
    public const string RecommendationsFile = "provinces/recommendations.json";
    public const string DirectivesFile = "provinces/directives.json";
    public const string ReportedFiguresFile = "provinces/reported_figures.json";

    public static ProvinceSeedSet Instance => Lazy.Value;

    private static readonly Lazy<ProvinceSeedSet> Lazy = new(() => new ProvinceSeedSet());

    private ProvinceSeedSet()
    {
        Provinces = SeedFiles.Load<Province>(ProvincesFile, "provinces");
        Departments = SeedFiles.Load<Department>(DepartmentsFile, "departments");
        Officials = SeedFiles.Load<Official>(OfficialsFile, "officials");
        Engagements = SeedFiles.Load<Engagement>(EngagementsFile, "engagements");
        Recommendations = SeedFiles.Load<Recommendation>(RecommendationsFile, "recommendations");
        Directives = SeedFiles.Load<Directive>(DirectivesFile, "directives");
        ReportedFigures = SeedFiles.Load<ReportedFigure>(ReportedFiguresFile, "reportedFigures");
    }

    public IReadOnlyList<Province> Provinces { get; }
    public IReadOnlyList<Department> Departments { get; }
    public IReadOnlyList<Official> Officials { get; }
    public IReadOnlyList<Engagement> Engagements { get; }
    public IReadOnlyList<Recommendation> Recommendations { get; }
    public IReadOnlyList<Directive> Directives { get; }
    public IReadOnlyList<ReportedFigure> ReportedFigures { get; }

    /// <summary>Every record with the file it came from, for checks that apply to all of them.</summary>
    public IEnumerable<(string File, Google.Protobuf.IMessage Message)> AllRecords =>
        Provinces.Select(m => (ProvincesFile, (Google.Protobuf.IMessage)m))
            .Concat(Departments.Select(m => (DepartmentsFile, (Google.Protobuf.IMessage)m)))
            .Concat(Officials.Select(m => (OfficialsFile, (Google.Protobuf.IMessage)m)))
            .Concat(Engagements.Select(m => (EngagementsFile, (Google.Protobuf.IMessage)m)))
            .Concat(Recommendations.Select(m => (RecommendationsFile, (Google.Protobuf.IMessage)m)))
            .Concat(Directives.Select(m => (DirectivesFile, (Google.Protobuf.IMessage)m)))
            .Concat(ReportedFigures.Select(m => (ReportedFiguresFile, (Google.Protobuf.IMessage)m)));

    /// <summary>Code from a province resource name: "provinces/44" → "44".</summary>
    public static string CodeOf(string provinceName) => provinceName["provinces/".Length..];

    /// <summary>The incarnations of <paramref name="provinceName"/> valid on <paramref name="day"/>.</summary>
    public IEnumerable<Province> ProvincesValidOn(DateOnly day, string? provinceName = null) =>
        Provinces.Where(p => (provinceName is null || p.Name == provinceName) && p.IsValidOn(day));
}
