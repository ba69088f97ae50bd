namespace Khcn.Provinces.Domain.Departments;

/// <summary>A unit merged into a department, with the date (yyyymmdd) and the legal act behind it.</summary>
public sealed record Absorption(string DisplayName, int EffectiveDate, string LegalBasis);
