using Khcn.Aip;
using Khcn.IntellectualProperty.Application.Origins;
using Khcn.IntellectualProperty.Domain.Terms;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>
/// The rules an asset's content must satisfy, shared by CreateAsset, the seed loader and UpdateAsset (which re-checks
/// the merged asset for the paths of its mask): one instance per request collects every violation, with paths like
/// "asset.priority.date", so the client learns about all of its mistakes at once. Real-world dates are complete
/// google.type.Date values; "today" is the Viet Nam date.
/// </summary>
public sealed class AssetValidation(IProvinceReference provinces, IOriginTaskDirectory origins, RecordClock clock)
{
    public const int MinNiceClass = 1;
    public const int MaxNiceClass = 45;

    private const string Message = "The asset has invalid fields.";
    private const string ProvinceField = "asset.province_code";
    private const string HolderNameField = "asset.holder.display_name";
    private const string OriginTaskField = "asset.origin_task";

    private static readonly ResourceNamePattern TaskNames = new("tasks/{task}");

    private readonly ProvinceCheckedFields _check = new(ProvinceField);

    /// <summary>Fields whose violation has a reason of its own, reported in ErrorInfo when it is the only violation.</summary>
    private readonly Dictionary<string, (string Reason, IReadOnlyDictionary<string, string>? Metadata)> _reasons = new(StringComparer.Ordinal);

    private readonly int _today = clock.TodayInVietnam();

    private Validator Fields => _check.Fields;

    /// <summary>A client-chosen id must be an AIP-122 id; empty means "generate one".</summary>
    public AssetValidation AssetId(string? assetId)
    {
        Fields.Check(
            string.IsNullOrEmpty(assetId) || ResourceIds.IsValid(assetId),
            "asset_id",
            "must be 4 to 63 characters of lower-case letters, digits and hyphens, start with a letter and not end with a hyphen");
        return this;
    }

    /// <summary>The kind is required on a new application; only a seeded record may leave it unknown.</summary>
    public AssetValidation Kind(Asset asset, bool required)
    {
        if (asset.Kind == AssetKind.Unspecified)
        {
            Fields.Check(!required, "asset.kind", $"is required: one of {ProtoEnumNames.SpecifiedList<AssetKind>()}");
        }
        else
        {
            DefinedEnum(asset.Kind, "asset.kind");
        }

        return this;
    }

    /// <summary>A mark names its sub-kind (MARK_TYPE_REQUIRED when it does not); any other kind has none.</summary>
    public AssetValidation MarkType(Asset asset)
    {
        if (asset.Kind == AssetKind.Mark && asset.MarkType == V1.MarkType.Unspecified)
        {
            AddWithReason("asset.mark_type", $"is required for a mark: one of {ProtoEnumNames.SpecifiedList<MarkType>()}", AssetErrors.MarkTypeRequiredReason);
        }
        else if (asset.MarkType != V1.MarkType.Unspecified)
        {
            MarkOnly(asset, "asset.mark_type");
            DefinedEnum(asset.MarkType, "asset.mark_type");
        }

        return this;
    }

    /// <summary>Nice classes belong to marks: each one of 1–45 (Nice Classification), none repeated.</summary>
    public AssetValidation NiceClasses(Asset asset)
    {
        if (asset.NiceClasses.Count == 0)
        {
            return this;
        }

        MarkOnly(asset, "asset.nice_classes");
        var seen = new HashSet<int>();
        for (var i = 0; i < asset.NiceClasses.Count; i++)
        {
            var niceClass = asset.NiceClasses[i];
            var field = $"asset.nice_classes[{i}]";
            if (niceClass is < MinNiceClass or > MaxNiceClass)
            {
                Fields.Add(field, $"must be a Nice class from {MinNiceClass} to {MaxNiceClass}, not {niceClass}");
            }
            else if (!seen.Add(niceClass))
            {
                Fields.Add(field, $"repeats class {niceClass}");
            }
        }

        return this;
    }

    /// <summary>The form of the sign is a mark's.</summary>
    public AssetValidation Representation(Asset asset)
    {
        if (asset.Representation != MarkRepresentation.Unspecified)
        {
            MarkOnly(asset, "asset.representation");
            DefinedEnum(asset.Representation, "asset.representation");
        }

        return this;
    }

    public AssetValidation Title(Asset asset)
    {
        Fields.Required(asset.Title, "asset.title");
        return this;
    }

    /// <summary>
    /// The holder's name is required on a new application (after the Art. 86a rule had its chance to fill it, see
    /// <see cref="OriginTaskAsync"/>); a seeded record may lack it. A given kind must be a known one.
    /// </summary>
    public AssetValidation Holder(Asset asset, bool nameRequired)
    {
        if (nameRequired)
        {
            Fields.Required(asset.Holder?.DisplayName, HolderNameField);
        }

        if (asset.Holder is { } holder)
        {
            DefinedEnum(holder.Kind, "asset.holder.kind");
        }

        return this;
    }

    /// <summary>Filed on a real day that has come: never in the future (Viet Nam date).</summary>
    public AssetValidation FilingDate(Asset asset, bool required)
    {
        if (IsAbsent(asset.FilingDate))
        {
            Fields.Check(!required, "asset.filing_date", "is required");
            return this;
        }

        if (CompleteDate(asset.FilingDate, "asset.filing_date") is { } filed)
        {
            Fields.Check(
                PartialDate.FromDateOnly(filed).ToSortable() <= _today,
                "asset.filing_date",
                $"must not be in the future (today is {PartialDate.FromSortable(_today)} in Viet Nam)");
        }

        return this;
    }

    /// <summary>
    /// A priority claim (Paris Convention Art. 4): the earlier application's country (ISO 3166-1 alpha-2) and date,
    /// no later than this filing and within the priority period before it — 12 months for inventions and utility
    /// solutions, 6 months for marks and industrial designs. Geographical indications claim no priority.
    /// </summary>
    public AssetValidation Priority(Asset asset)
    {
        if (asset.Priority is not { } priority || IsEmpty(priority))
        {
            return this;
        }

        if (asset.Kind == AssetKind.GeographicalIndication)
        {
            Fields.Add("asset.priority", "must be unset: a geographical indication takes no priority");
            return this;
        }

        Fields.Check(
            priority.CountryCode.Length == 2 && priority.CountryCode.All(char.IsAsciiLetter),
            "asset.priority.country_code",
            "is required: the two-letter ISO 3166-1 code of the country of the earlier application (e.g. \"US\")");
        if (IsAbsent(priority.Date))
        {
            Fields.Add("asset.priority.date", "is required: the filing date of the earlier application");
            return this;
        }

        if (CompleteDate(priority.Date, "asset.priority.date") is not { } earlier || DateOf(asset.FilingDate) is not { } filed)
        {
            return this;
        }

        if (earlier > filed)
        {
            Fields.Add("asset.priority.date", $"must not be after filing_date ({PartialDate.FromDateOnly(filed)})");
        }
        else if (PriorityMonthsOf(asset.Kind) is { } months && earlier.AddMonths(months) < filed)
        {
            Fields.Add(
                "asset.priority.date",
                $"is more than {months} months before filing_date ({PartialDate.FromDateOnly(filed)}): the Paris Convention priority period of "
                + $"{ProtoEnumNames.Of(asset.Kind)} ended on {PartialDate.FromDateOnly(earlier.AddMonths(months))}");
        }

        return this;
    }

    /// <summary>An OCOP rating has 3 to 5 stars and, when dated, a certificate date that has come.</summary>
    public AssetValidation Ocop(Asset asset)
    {
        if (asset.Ocop is not { } ocop || (ocop.Stars == 0 && IsAbsent(ocop.CertifiedDate)))
        {
            return this;
        }

        Fields.Check(ocop.Stars is >= 3 and <= 5, "asset.ocop.stars", "must be 3, 4 or 5 (OCOP rates products from 3 to 5 stars)");
        if (!IsAbsent(ocop.CertifiedDate) && CompleteDate(ocop.CertifiedDate, "asset.ocop.certified_date") is { } certified)
        {
            Fields.Check(
                PartialDate.FromDateOnly(certified).ToSortable() <= _today,
                "asset.ocop.certified_date",
                "must not be in the future");
        }

        return this;
    }

    /// <summary>
    /// The fields the lifecycle sets, as a seeded record carries them: a known state, publication and grant dates
    /// not before filing (grant not before publication) and a renewal count the kind allows.
    /// </summary>
    public AssetValidation RecordedLifecycle(Asset asset)
    {
        Fields.Check(Enum.IsDefined(asset.State), "asset.state", $"is not a known state; use one of {ProtoEnumNames.SpecifiedList<State>()}");
        var published = IsAbsent(asset.PublicationDate) ? null : CompleteDate(asset.PublicationDate, "asset.publication_date");
        var granted = IsAbsent(asset.GrantDate) ? null : CompleteDate(asset.GrantDate, "asset.grant_date");
        LifecycleDatesAfterFiling(DateOf(asset.FilingDate), published, granted, "asset.publication_date", "asset.grant_date");
        if (published is { } p && granted is { } g)
        {
            Fields.Check(g >= p, "asset.grant_date", $"must not be before publication_date ({PartialDate.FromDateOnly(p)})");
        }

        Fields.Check(asset.RenewalCount >= 0, "asset.renewal_count", "must not be negative");
        if (asset.RenewalCount > 0)
        {
            Fields.Check(
                ProtectionTerms.IsGranted(asset.State),
                "asset.renewal_count",
                "must be 0 for an asset that was never granted");
            Fields.Check(
                asset.RenewalCount <= ProtectionTerms.MaxRenewalsOf(asset.Kind),
                "asset.renewal_count",
                $"exceeds the {ProtectionTerms.MaxRenewalsOf(asset.Kind)} renewals {ProtoEnumNames.Of(asset.Kind)} allows");
        }

        return this;
    }

    /// <summary>A new filing date of a stored asset must still come before the publication and grant recorded on it.</summary>
    public AssetValidation FilingBeforeRecordedDates(Asset asset)
    {
        LifecycleDatesAfterFiling(
            DateOf(asset.FilingDate), DateOf(asset.PublicationDate), DateOf(asset.GrantDate), "asset.filing_date", "asset.filing_date");
        return this;
    }

    /// <summary>
    /// The province code must have been in use on the filing date: an asset filed in 2023 in Quảng Bình keeps code 45
    /// although 45 closed in 2025. A record without a filing date (seeded) only needs a code that ever existed.
    /// Skipped while the code or the date is itself invalid. Throws UNAVAILABLE when the Provinces service is down.
    /// </summary>
    public async Task ProvinceAsync(Asset asset, bool required, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(asset.ProvinceCode))
        {
            Fields.Check(!required, ProvinceField, "is required");
            return;
        }

        if (!IsAbsent(asset.FilingDate) && DateOf(asset.FilingDate) is null)
        {
            return;
        }

        var catalog = await provinces.GetCatalogAsync(cancellationToken);
        if (DateOf(asset.FilingDate) is { } filed)
        {
            _check.Province(catalog, asset.ProvinceCode, PartialDate.FromDateOnly(filed).ToSortable());
        }
        else if (!catalog.Contains(asset.ProvinceCode))
        {
            AddWithReason(ProvinceField, $"province code '{asset.ProvinceCode}' does not exist", ProvinceCodeProblem.NotFound);
        }
    }

    /// <summary>
    /// origin_task must name a task the Tasks service has. For an invention, utility solution or industrial design
    /// from a task funded wholly by the state budget, IP Law Art. 86a gives the asset to the task's host organisation:
    /// an empty holder is filled from the host (name and address; <paramref name="asset"/> is changed), and another
    /// holder is refused with HOLDER_NOT_TASK_HOST. Throws UNAVAILABLE when the Tasks service cannot be asked.
    /// </summary>
    public async Task OriginTaskAsync(Asset asset, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(asset.OriginTask))
        {
            return;
        }

        if (!TaskNames.TryParse(asset.OriginTask, out _))
        {
            Fields.Add(OriginTaskField, $"must look like {TaskNames.Pattern} (a task of the Tasks API)");
            return;
        }

        if (await origins.FindAsync(asset.OriginTask, cancellationToken) is not { } task)
        {
            AddWithReason(
                OriginTaskField,
                $"{asset.OriginTask} does not exist in the Tasks service",
                OriginErrors.OriginTaskNotFoundReason,
                new Dictionary<string, string> { ["origin_task"] = asset.OriginTask });
            return;
        }

        if (StateFundedResults.LawfulHolder(asset.Kind, task) is not { } lawful)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(asset.Holder?.DisplayName))
        {
            asset.Holder = new V1.Holder
            {
                DisplayName = lawful.DisplayName,
                Address = string.IsNullOrEmpty(asset.Holder?.Address) ? lawful.Address : asset.Holder.Address,
                Kind = asset.Holder?.Kind ?? default,
            };
        }
        else if (!StateFundedResults.IsSameHolder(asset.Holder.DisplayName, lawful.DisplayName))
        {
            AddWithReason(
                HolderNameField,
                $"IP from the fully state-funded task {task.Name} belongs to its host organisation \"{lawful.DisplayName}\" "
                + "(IP Law Art. 86a): leave the holder empty or name the host",
                OriginErrors.HolderNotTaskHostReason,
                new Dictionary<string, string> { ["origin_task"] = task.Name, ["host_organisation"] = lawful.DisplayName });
        }
    }

    /// <summary>
    /// INVALID_ARGUMENT with every violation found. When a single violation has a reason of its own (MARK_TYPE_REQUIRED,
    /// ORIGIN_TASK_NOT_FOUND, HOLDER_NOT_TASK_HOST, a province code's reason), ErrorInfo carries it so a client can
    /// react to it without parsing text.
    /// </summary>
    public void ThrowIfInvalid()
    {
        if (Fields.Violations is [var only] && _reasons.TryGetValue(only.Field, out var special))
        {
            throw new ApiException(
                ApiErrorCode.InvalidArgument, special.Reason, $"The asset has an invalid field: {only.Field} {only.Description}.", [only], metadata: special.Metadata);
        }

        _check.ThrowIfInvalid(Message);
    }

    /// <summary>A yyyy-mm-dd google.type.Date as a date; null when absent, partial or impossible (reported elsewhere).</summary>
    public static DateOnly? DateOf(Google.Type.Date? date) => PartialDate.FromProto(date)?.ToDateOnly();

    private void LifecycleDatesAfterFiling(DateOnly? filed, DateOnly? published, DateOnly? granted, string publicationField, string grantField)
    {
        if (filed is not { } f)
        {
            return;
        }

        var filing = PartialDate.FromDateOnly(f);
        if (published is { } p && p < f)
        {
            Fields.Add(publicationField, $"publication_date ({PartialDate.FromDateOnly(p)}) must not be before filing_date ({filing})");
        }

        if (granted is { } g && g < f)
        {
            Fields.Add(grantField, $"grant_date ({PartialDate.FromDateOnly(g)}) must not be before filing_date ({filing})");
        }
    }

    private DateOnly? CompleteDate(Google.Type.Date? date, string field)
    {
        var violations = PartialDate.Validate(date, field, requireComplete: true);
        Fields.Add(violations);
        return violations.Count == 0 ? DateOf(date) : null;
    }

    private void MarkOnly(Asset asset, string field)
    {
        if (asset.Kind != AssetKind.Mark)
        {
            Fields.Add(field, $"is only for marks, and this asset's kind is {ProtoEnumNames.Of(asset.Kind)}");
        }
    }

    private void AddWithReason(string field, string description, string reason, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Fields.Add(field, description);
        _reasons[field] = (reason, metadata);
    }

    private static int? PriorityMonthsOf(AssetKind kind) => kind switch
    {
        AssetKind.Invention or AssetKind.UtilitySolution => 12,
        AssetKind.Mark or AssetKind.IndustrialDesign => 6,
        _ => null,
    };

    private static bool IsAbsent(Google.Type.Date? date) => PartialDate.FromProto(date) is null;

    private static bool IsEmpty(V1.Priority priority) =>
        priority.CountryCode.Length == 0 && priority.ApplicationNumber.Length == 0 && IsAbsent(priority.Date);

    private void DefinedEnum<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Fields.Check(Enum.IsDefined(value), field, $"is not a known value; use one of {ProtoEnumNames.SpecifiedList<TEnum>()}");
}
