namespace Khcn.IntellectualProperty.Domain.Terms;

/// <summary>
/// Where an asset's protection ends under its current term (IP Law Art. 93), computed, never typed in.
/// A null date is "none": a geographical indication never expires; an asset not yet granted (or whose filing date is
/// unknown) has no expiry; an asset that cannot be renewed (any more) has no renewal window and no grace period.
/// </summary>
public sealed record ProtectionTerm(DateOnly? ExpiryDate, DateOnly? RenewalWindowStart, DateOnly? GracePeriodEnd)
{
    public static readonly ProtectionTerm None = new(null, null, null);

    /// <summary>Whether a renewal of the current term may be requested at all (inside the window or the grace period).</summary>
    public bool Renewable => RenewalWindowStart is not null;
}
