namespace Khcn.Provinces.Domain.Engagements;

/// <summary>Someone present at an engagement, in the order the source lists them.</summary>
public sealed record Participant(string? OfficialId, string DisplayName, string Capacity);
