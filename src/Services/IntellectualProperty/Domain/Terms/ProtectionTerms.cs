using Khcn.IntellectualProperty.V1;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Terms;

/// <summary>
/// The protection terms of IP Law Art. 93 as arithmetic on dates:
/// <list type="bullet">
/// <item>invention: 20 years from filing, not renewable;</item>
/// <item>utility solution: 10 years from filing, not renewable;</item>
/// <item>industrial design: 5 years from filing, renewable twice by 5 years;</item>
/// <item>mark: 10 years from filing, renewable without limit by 10 years;</item>
/// <item>geographical indication: indefinite from grant.</item>
/// </list>
/// Protection starts at grant, so an asset has an expiry only once granted. Periods follow the Civil Code (2015)
/// Art. 147–148: a period counted in years from a day ends on the corresponding day of the last year, and on the last
/// day of that month when it has none — so a filing of 29 February ends on 28 February. Each renewal adds its years to
/// the previous expiry (not to the filing date), which is where the new term starts. The renewal window opens 6
/// months before expiry and the grace period (renewal with a surcharge) runs 6 months after it, by the same month rule.
/// </summary>
public static class ProtectionTerms
{
    /// <summary>Months before expiry from which a renewal may be requested.</summary>
    public const int RenewalWindowMonths = 6;

    /// <summary>Months after expiry during which a renewal is still accepted with a surcharge.</summary>
    public const int GracePeriodMonths = 6;

    /// <summary>The term of an asset of <paramref name="kind"/> filed on <paramref name="filingDate"/>, after <paramref name="renewalCount"/> renewals.</summary>
    public static ProtectionTerm Of(AssetKind kind, DateOnly? filingDate, bool granted, int renewalCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(renewalCount);
        if (!granted || filingDate is not { } filed || RuleOf(kind) is not { } rule)
        {
            return ProtectionTerm.None;
        }

        var expiry = filed.AddYears(rule.FirstTermYears);
        for (var renewal = 0; renewal < renewalCount; renewal++)
        {
            expiry = expiry.AddYears(rule.RenewalYears);
        }

        return renewalCount < rule.MaxRenewals
            ? new ProtectionTerm(expiry, expiry.AddMonths(-RenewalWindowMonths), expiry.AddMonths(GracePeriodMonths))
            : new ProtectionTerm(expiry, null, null);
    }

    /// <summary>How many renewals <paramref name="kind"/> allows (int.MaxValue for marks, 0 when none).</summary>
    public static int MaxRenewalsOf(AssetKind kind) => RuleOf(kind)?.MaxRenewals ?? 0;

    /// <summary>Whether an asset in <paramref name="state"/> has been granted, so that its term has started.</summary>
    public static bool IsGranted(State state) =>
        state is State.InForce or State.Expired or State.Terminated or State.Invalidated;

    /// <summary>The rule of a kind with an expiry; null for geographical indications (indefinite) and unknown kinds.</summary>
    private static TermRule? RuleOf(AssetKind kind) => kind switch
    {
        AssetKind.Invention => new TermRule(20, 0, 0),
        AssetKind.UtilitySolution => new TermRule(10, 0, 0),
        AssetKind.IndustrialDesign => new TermRule(5, 5, 2),
        AssetKind.Mark => new TermRule(10, 10, int.MaxValue),
        _ => null,
    };

    private sealed record TermRule(int FirstTermYears, int RenewalYears, int MaxRenewals);
}
