using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Lifecycle;

/// <summary>
/// Every (state, verb) pair of the asset lifecycle, checked against the lifecycle as the contract states it
/// (<see cref="AssetLifecycleStatement"/>, independent of the service's table): legal pairs move to the stated target,
/// illegal ones are refused with FAILED_PRECONDITION INVALID_STATE_TRANSITION naming both states and leave the asset
/// untouched.
/// </summary>
public sealed class AssetLifecycleTableTests
{
    public static TheoryData<State, AssetVerb> EveryStateAndVerb()
    {
        var data = new TheoryData<State, AssetVerb>();
        foreach (var state in Enum.GetValues<State>())
        {
            foreach (var verb in Enum.GetValues<AssetVerb>())
            {
                data.Add(state, verb);
            }
        }

        return data;
    }

    public static TheoryData<State> EveryState() => [.. Enum.GetValues<State>()];

    [Theory]
    [MemberData(nameof(EveryStateAndVerb))]
    public void AVerbMovesExactlyFromTheStatesTheContractAllows(State from, AssetVerb verb)
    {
        var (sources, target) = AssetLifecycleStatement.Methods[RpcOf(verb)];
        var asset = AssetIn(from);
        var before = Observable(asset);

        Assert.Equal(sources.Contains(from), AssetLifecycle.CanApply(verb, from));
        Assert.Equal(target, AssetLifecycle.TargetOf(verb));
        if (sources.Contains(from))
        {
            var change = ApplyValid(asset, verb);

            Assert.Equal(target, asset.State);
            Assert.Equal(from, change.PreviousState);
            Assert.Equal(target, change.NewState);
            Assert.Equal(verb, change.Verb);
            Assert.NotEmpty(change.ChangedFields);
            Assert.Equal(from != target, change.ChangedFields.Contains("state"));
        }
        else
        {
            var refused = Assert.Throws<ApiException>(() => ApplyValid(asset, verb));

            Assert.Equal(ApiErrorCode.FailedPrecondition, refused.Code);
            Assert.Equal("INVALID_STATE_TRANSITION", refused.Reason);
            Assert.Contains(ProtoEnumNames.Of(from), refused.Message);
            Assert.Equal(ProtoEnumNames.Of(from), refused.Metadata["from_state"]);
            Assert.Equal(ProtoEnumNames.Of(target), refused.Metadata["to_state"]);
            Assert.Equal("assets/lifecycle-table", refused.ResourceName);
            Assert.Equal(AssetLifecycle.ResourceType, refused.ResourceType);
            Assert.Equal(before, Observable(asset));
        }
    }

    [Fact]
    public void TheContractStatementCoversEveryVerbOnce()
    {
        Assert.Equal(
            Enum.GetValues<AssetVerb>().Select(RpcOf).Order(StringComparer.Ordinal),
            AssetLifecycleStatement.Methods.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void TerminalStatesAreThoseNoVerbLeaves(State state)
    {
        var leftBySomeVerb = AssetLifecycleStatement.Methods.Values.Any(rule => rule.Sources.Contains(state));
        var isRealState = state != State.Unspecified;

        Assert.Equal(isRealState && !leftBySomeVerb, AssetLifecycle.IsTerminal(state));
    }

    [Fact]
    public void ThePendingStatesAreThoseAWithdrawalLeaves()
    {
        Assert.Equal(
            AssetLifecycleStatement.PendingStates.Order(),
            AssetLifecycle.PendingStates.Order());
    }

    [Fact]
    public void EveryRealStateIsReachableFromFiling()
    {
        Assert.Equal(
            Enum.GetValues<State>().Where(s => s != State.Unspecified).Order(),
            AssetLifecycleStatement.ReachableStates.Order());
    }

    [Fact]
    public void AnIllegalStepIsRefusedBeforeTheVerbsOwnRules()
    {
        // A filed invention: renewing it is illegal twice over (state and kind); the state is what the caller hears about.
        // Granting it before its filing date is illegal twice over too.
        var filedInvention = new IpAsset
        {
            Id = "lifecycle-table", Kind = AssetKind.Invention, Title = "Quy trình bảo quản quả na Chi Lăng", ProvinceCode = "20",
            FilingDate = 20190612,
        };

        var refused = Assert.Throws<ApiException>(() => filedInvention.Renew(new DateOnly(2039, 1, 1)));
        var expired = Assert.Throws<ApiException>(() => filedInvention.Expire(new DateOnly(2045, 1, 1)));
        var granted = Assert.Throws<ApiException>(() => filedInvention.Grant("1-0001234", new DateOnly(2010, 1, 1)));

        Assert.Equal("INVALID_STATE_TRANSITION", refused.Reason);
        Assert.Equal("INVALID_STATE_TRANSITION", expired.Reason);
        Assert.Equal("INVALID_STATE_TRANSITION", granted.Reason);
        Assert.Equal(State.Filed, filedInvention.State);
        Assert.Equal(0, filedInvention.RenewalCount);
    }

    private static string RpcOf(AssetVerb verb) => verb switch
    {
        AssetVerb.StartFormalityExamination => "StartAssetFormalityExamination",
        AssetVerb.StartSubstantiveExamination => "StartAssetSubstantiveExamination",
        _ => $"{verb}Asset",
    };

    /// <summary>
    /// The verb with arguments that are valid in themselves and inside the asset's term (a renewal inside the window, an
    /// expiry after the grace period), so only the state can make it fail.
    /// </summary>
    private static AssetChange ApplyValid(IpAsset asset, AssetVerb verb) => verb switch
    {
        AssetVerb.StartFormalityExamination => asset.StartFormalityExamination(),
        AssetVerb.Accept => asset.Accept(),
        AssetVerb.Publish => asset.Publish(new DateOnly(2016, 1, 20)),
        AssetVerb.StartSubstantiveExamination => asset.StartSubstantiveExamination(),
        AssetVerb.Grant => asset.Grant("4-0271234", new DateOnly(2016, 9, 15)),
        AssetVerb.Refuse => asset.Refuse(),
        AssetVerb.Renew => asset.Renew(new DateOnly(2025, 1, 10)),
        AssetVerb.Expire => asset.Expire(new DateOnly(2026, 1, 5)),
        AssetVerb.Terminate => asset.Terminate(),
        AssetVerb.Invalidate => asset.Invalidate(),
        AssetVerb.Withdraw => asset.Withdraw(),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "A verb this test does not know: add it to the contract statement."),
    };

    /// <summary>A certification mark of Lai Châu filed on 2015-03-10 (term to 2025-03-10, grace to 2025-09-10), put in <paramref name="state"/>.</summary>
    private static IpAsset AssetIn(State state) => new()
    {
        Id = "lifecycle-table",
        Kind = AssetKind.Mark,
        MarkType = MarkType.Certification,
        Title = "Gạo Séng Cù Lai Châu",
        HolderName = "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        ProvinceCode = "12",
        FilingDate = 20150310,
        State = state,
    };

    private static Snapshot Observable(IpAsset asset) => new(
        asset.State, asset.PublicationDate, asset.GrantNumber, asset.GrantDate, asset.RenewalCount, asset.ExpiryDate,
        asset.RenewalWindowStart, asset.GracePeriodEnd, asset.Title, asset.FilingDate);

    private sealed record Snapshot(
        State State,
        int PublicationDate,
        string GrantNumber,
        int GrantDate,
        int RenewalCount,
        int ExpiryDate,
        int RenewalWindowStart,
        int GracePeriodEnd,
        string Title,
        int FilingDate);
}
