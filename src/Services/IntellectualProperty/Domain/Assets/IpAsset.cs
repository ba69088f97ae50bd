using Khcn.Data;
using Khcn.IntellectualProperty.V1;
using HolderKind = Khcn.IntellectualProperty.V1.Holder.Types.Kind;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>
/// An industrial-property asset (tài sản sở hữu công nghiệp) from its application to the end of its protection. Named
/// IpAsset because the contract's message is Asset. Descriptive fields change through UpdateAsset; <see cref="State"/>
/// and the dates the lifecycle sets (publication, grant, renewals) change only through <see cref="AssetLifecycle"/>;
/// the term columns (<see cref="ExpiryDate"/>, <see cref="RenewalWindowStart"/>, <see cref="GracePeriodEnd"/>) are
/// computed by <see cref="Terms.ProtectionTerms"/> after every change and stored so that expiring lists run in SQL.
/// Real-world dates are yyyymmdd integers, 0 when unknown (a seeded asset may lack any of them).
/// </summary>
public sealed partial class IpAsset : IVersionedResource
{
    public required string Id { get; init; }

    /// <summary>Immutable once set; UNSPECIFIED only on seeded records whose kind the sources do not give.</summary>
    public AssetKind Kind { get; init; }

    public MarkType MarkType { get; set; }

    public required string Title { get; set; }

    public string HolderName { get; set; } = "";

    public HolderKind HolderKind { get; set; }

    public string HolderAddress { get; set; } = "";

    /// <summary>GSO code valid on the filing date, kept as given (a closed code stays closed).</summary>
    public required string ProvinceCode { get; set; }

    public string ApplicationNumber { get; set; } = "";

    /// <summary>yyyymmdd; 0 only on seeded records whose filing the sources do not date.</summary>
    public int FilingDate { get; set; }

    /// <summary>Year of <see cref="FilingDate"/> (0 unknown): the FILING_YEAR dimension of SummarizeAssets.</summary>
    public int FilingYear { get; set; }

    /// <summary>Nice classes, ascending, without repeats.</summary>
    public List<int> NiceClasses { get; set; } = [];

    /// <summary>The classes as "|9|30|" so that a class filter is one LIKE on both providers.</summary>
    public string NiceClassTokens { get; set; } = "";

    public MarkRepresentation Representation { get; set; }

    public string PriorityCountryCode { get; set; } = "";

    public string PriorityApplicationNumber { get; set; } = "";

    /// <summary>yyyymmdd, 0 when no priority is claimed.</summary>
    public int PriorityDate { get; set; }

    /// <summary>yyyymmdd, set by PublishAsset.</summary>
    public int PublicationDate { get; set; }

    /// <summary>Set by GrantAsset.</summary>
    public string GrantNumber { get; set; } = "";

    /// <summary>yyyymmdd, set by GrantAsset.</summary>
    public int GrantDate { get; set; }

    /// <summary>Renewals recorded so far (RenewAsset).</summary>
    public int RenewalCount { get; set; }

    /// <summary>Computed: last day of protection under the current term, 0 when none (GI, not granted, filing unknown).</summary>
    public int ExpiryDate { get; set; }

    /// <summary>Computed: first day a renewal may be requested, 0 when the asset cannot be renewed.</summary>
    public int RenewalWindowStart { get; set; }

    /// <summary>Computed: last day of the grace period after expiry, 0 when the asset cannot be renewed.</summary>
    public int GracePeriodEnd { get; set; }

    /// <summary>OCOP stars (3–5), 0 when the product has no rating.</summary>
    public int OcopStars { get; set; }

    /// <summary>yyyymmdd of the OCOP certificate, 0 when unknown or unrated.</summary>
    public int OcopCertifiedDate { get; set; }

    /// <summary>"tasks/{task}" in the Tasks API, or "".</summary>
    public string OriginTask { get; set; } = "";

    public State State { get; set; } = State.Filed;

    /// <summary>Title, application and grant numbers and holder folded together: what free-text filters search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Title folded, for <c>title</c> filters that ignore case and diacritics.</summary>
    public string FoldedTitle { get; set; } = "";

    /// <summary>Holder's name folded, for <c>holder.display_name</c> filters.</summary>
    public string FoldedHolderName { get; set; } = "";

    public long Version { get; set; }

    public DateTime CreateTime { get; init; }

    public DateTime UpdateTime { get; set; }
}
