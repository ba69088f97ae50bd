using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Terms;
using Khcn.IntellectualProperty.V1;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>
/// The lifecycle verbs of an asset. Each checks the transition table first (<see cref="AssetLifecycle.EnsureAllowed"/>),
/// then its own rules, and only then changes anything, so a refused verb leaves the asset as it was. Every verb ends
/// by recomputing the stored term (protection starts at grant and ends with the renewals recorded), and reports the
/// paths it changed.
/// </summary>
public sealed partial class IpAsset
{
    // Field-mask paths of khcn.ip.v1.Asset that the verbs change.
    private const string StatePath = "state";
    private const string PublicationDatePath = "publication_date";
    private const string GrantNumberPath = "grant_number";
    private const string GrantDatePath = "grant_date";
    private const string ExpiryDatePath = "expiry_date";
    private const string RenewalWindowStartPath = "renewal_window_start";
    private const string GracePeriodEndPath = "grace_period_end";
    private const string RenewalCountPath = "renewal_count";

    /// <summary>The term as the law computes it from what is recorded now (not from the stored columns).</summary>
    public ProtectionTerm CurrentTerm =>
        ProtectionTerms.Of(Kind, AssetDates.ToDate(FilingDate), ProtectionTerms.IsGranted(State), RenewalCount);

    /// <summary>FILED → FORMALITY_EXAMINATION.</summary>
    public AssetChange StartFormalityExamination() => Apply(AssetVerb.StartFormalityExamination);

    /// <summary>FORMALITY_EXAMINATION → ACCEPTED_AS_VALID.</summary>
    public AssetChange Accept() => Apply(AssetVerb.Accept);

    /// <summary>ACCEPTED_AS_VALID → PUBLISHED in the Official Gazette on <paramref name="publicationDate"/>, not before filing.</summary>
    public AssetChange Publish(DateOnly publicationDate) => Apply(
        AssetVerb.Publish,
        () =>
        {
            var validator = new Validator();
            NotBefore(validator, publicationDate, FilingDate, "publication_date", "the filing date");
            validator.ThrowIfInvalid("An application cannot be published before it was filed.");
        },
        () =>
        {
            PublicationDate = AssetDates.ToSortable(publicationDate);
            return [PublicationDatePath];
        });

    /// <summary>PUBLISHED → SUBSTANTIVE_EXAMINATION.</summary>
    public AssetChange StartSubstantiveExamination() => Apply(AssetVerb.StartSubstantiveExamination);

    /// <summary>
    /// SUBSTANTIVE_EXAMINATION → IN_FORCE: the certificate <paramref name="grantNumber"/> (stored NFC, trimmed) is granted
    /// on <paramref name="grantDate"/>, which is neither before the filing nor before the publication; the term starts.
    /// </summary>
    public AssetChange Grant(string grantNumber, DateOnly grantDate)
    {
        var number = Nfc.Of(grantNumber).Trim();
        ArgumentException.ThrowIfNullOrEmpty(number, nameof(grantNumber));
        return Apply(
            AssetVerb.Grant,
            () =>
            {
                var validator = new Validator();
                NotBefore(validator, grantDate, FilingDate, "grant_date", "the filing date");
                if (!validator.HasViolations)
                {
                    NotBefore(validator, grantDate, PublicationDate, "grant_date", "the publication date");
                }

                validator.ThrowIfInvalid("A certificate cannot be granted before the application was filed and published.");
            },
            () =>
            {
                GrantNumber = number;
                GrantDate = AssetDates.ToSortable(grantDate);
                return [GrantNumberPath, GrantDatePath];
            });
    }

    /// <summary>FORMALITY_EXAMINATION | SUBSTANTIVE_EXAMINATION → REFUSED.</summary>
    public AssetChange Refuse() => Apply(AssetVerb.Refuse);

    /// <summary>
    /// IN_FORCE with the next term, requested on <paramref name="requestDate"/>: only a kind that renews, below its limit,
    /// with a known term, and inside [renewal window start, grace period end].
    /// </summary>
    public AssetChange Renew(DateOnly requestDate) => Apply(
        AssetVerb.Renew,
        () =>
        {
            var term = CurrentTerm;
            var maxRenewals = ProtectionTerms.MaxRenewalsOf(Kind);
            if (Kind != AssetKind.Unspecified && maxRenewals == 0)
            {
                throw TermErrors.NotRenewable(this);
            }

            if (term.ExpiryDate is null)
            {
                throw TermErrors.TermUnknown(this);
            }

            if (RenewalCount >= maxRenewals)
            {
                throw TermErrors.RenewalLimitReached(this, maxRenewals, term.ExpiryDate);
            }

            if (requestDate < term.RenewalWindowStart || requestDate > term.GracePeriodEnd)
            {
                throw TermErrors.OutsideRenewalWindow(this, requestDate, term);
            }
        },
        () =>
        {
            RenewalCount++;
            return [RenewalCountPath];
        });

    /// <summary>
    /// IN_FORCE → EXPIRED once protection has ended for good on <paramref name="eventDate"/>: after the grace period of a
    /// term that could still be renewed, after the expiry of one that cannot. A geographical indication never expires.
    /// </summary>
    public AssetChange Expire(DateOnly eventDate) => Apply(
        AssetVerb.Expire,
        () =>
        {
            if (Kind == AssetKind.GeographicalIndication)
            {
                throw TermErrors.IndefiniteTerm(this);
            }

            var term = CurrentTerm;
            if (term.ExpiryDate is not { } expiry)
            {
                throw TermErrors.TermUnknown(this);
            }

            if (eventDate <= (term.GracePeriodEnd ?? expiry))
            {
                throw TermErrors.TermNotEnded(this, eventDate, term);
            }
        });

    /// <summary>IN_FORCE → TERMINATED (chấm dứt hiệu lực).</summary>
    public AssetChange Terminate() => Apply(AssetVerb.Terminate);

    /// <summary>IN_FORCE → INVALIDATED (hủy bỏ hiệu lực).</summary>
    public AssetChange Invalidate() => Apply(AssetVerb.Invalidate);

    /// <summary>Any pending state → WITHDRAWN by the applicant.</summary>
    public AssetChange Withdraw() => Apply(AssetVerb.Withdraw);

    /// <summary>
    /// The lifecycle table first, then the verb's own rules (<paramref name="check"/>), then the change
    /// (<paramref name="changeContent"/>, returning the paths it set), the new state and the recomputed term.
    /// </summary>
    private AssetChange Apply(AssetVerb verb, Action? check = null, Func<IReadOnlyList<string>>? changeContent = null)
    {
        AssetLifecycle.EnsureAllowed(this, verb);
        check?.Invoke();

        var previous = State;
        var termBefore = (ExpiryDate, RenewalWindowStart, GracePeriodEnd);
        var contentPaths = changeContent?.Invoke() ?? [];
        State = AssetLifecycle.TargetOf(verb);
        StoreTerm();

        List<string> changed = [];
        if (State != previous)
        {
            changed.Add(StatePath);
        }

        changed.AddRange(contentPaths);
        AddIfChanged(changed, ExpiryDatePath, termBefore.ExpiryDate, ExpiryDate);
        AddIfChanged(changed, RenewalWindowStartPath, termBefore.RenewalWindowStart, RenewalWindowStart);
        AddIfChanged(changed, GracePeriodEndPath, termBefore.GracePeriodEnd, GracePeriodEnd);
        return new AssetChange(verb, previous, State, changed);
    }

    /// <summary>
    /// Stores the term columns, computed (never typed in), so expiring lists can run in SQL: after each verb, and after
    /// an update that changes what the term depends on (the filing date).
    /// </summary>
    public void StoreTerm()
    {
        var term = CurrentTerm;
        ExpiryDate = AssetDates.ToSortable(term.ExpiryDate);
        RenewalWindowStart = AssetDates.ToSortable(term.RenewalWindowStart);
        GracePeriodEnd = AssetDates.ToSortable(term.GracePeriodEnd);
    }

    private static void AddIfChanged(List<string> changed, string path, int before, int after)
    {
        if (before != after)
        {
            changed.Add(path);
        }
    }

    /// <summary>A violation on <paramref name="field"/> when <paramref name="date"/> precedes a recorded (non-zero) date.</summary>
    private static void NotBefore(Validator validator, DateOnly date, int earlierSortable, string field, string earlierName)
    {
        if (AssetDates.ToDate(earlierSortable) is { } earlier && date < earlier)
        {
            validator.Add(field, $"must not be before {earlierName} {AssetDates.Iso(earlier)}");
        }
    }
}
