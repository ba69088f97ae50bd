using Khcn.Aip;
using Khcn.Provinces.Domain.Provinces;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Tests.Domain;

/// <summary>The lineage rules, on the real seed file and on small made-up chains.</summary>
public sealed class ProvinceRegistryTests
{
    private const int DayBeforeMerger = 20250630;
    private const int MergerDay = 20250701;
    private const int QuangTriSession = 20231129;

    private readonly ProvinceRegistry _registry = new(SeedFiles.ProvinceUnits());

    [Fact]
    public void SixtyThreeUnitsAreValidTheDayBeforeTheMergerAndThirtyFourFromIt()
    {
        Assert.Equal(63, _registry.ValidOn(DayBeforeMerger).Count());
        Assert.Equal(34, _registry.ValidOn(MergerDay).Count());
        Assert.Equal(34, _registry.Units.Count(u => u.IsOpen));
    }

    [Fact]
    public void EachCodeHasAtMostOneUnitOnAnyDay()
    {
        foreach (var date in new[] { 20190612, 20241231, 20250101, DayBeforeMerger, MergerDay })
        {
            var codes = _registry.ValidOn(date).Select(u => u.Code).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
        }
    }

    [Fact]
    public void ClosedCodeResolvesToTheUnitThatAbsorbedIt()
    {
        var current = _registry.CurrentOf("45", QuangTriSession);

        Assert.NotNull(current);
        Assert.Equal("44", current.Code);
        Assert.Equal("Quảng Trị", current.DisplayName);
        Assert.True(current.IsOpen);
    }

    [Fact]
    public void CodeWhoseSuccessorIsItselfContinuesAsItsNewIncarnation()
    {
        var quangBinh = _registry.UnitOn("44", QuangTriSession);
        var current = _registry.CurrentOf("44", QuangTriSession);

        Assert.Equal("Quảng Bình", quangBinh?.DisplayName);
        Assert.NotNull(current);
        Assert.NotSame(quangBinh, current);
        Assert.Equal(("44", MergerDay), (current.Code, current.ValidFrom));
    }

    [Fact]
    public void ClosedCodeIsNotValidAfterItsLastDay()
    {
        Assert.NotNull(_registry.UnitOn("45", DayBeforeMerger));
        Assert.Null(_registry.UnitOn("45", MergerDay));
        Assert.Null(_registry.CurrentOf("45", MergerDay));
    }

    [Fact]
    public void LineageOfAMergedUnitHoldsEveryCodeFoldedIntoIt()
    {
        Assert.Equal(["44", "45"], _registry.LineageCodes("44").Order());
    }

    [Fact]
    public void LineageOfAClosedCodeIsTheLineageOfItsSuccessor()
    {
        Assert.Equal(_registry.LineageCodes("44").Order(), _registry.LineageCodes("45").Order());
    }

    [Theory]
    [InlineData("20")]
    [InlineData("12")]
    public void UnchangedUnitIsItsOwnWholeLineage(string code)
    {
        Assert.Equal([code], _registry.LineageCodes(code));
    }

    [Fact]
    public void LineageListsEveryIncarnationFoldedIntoTodaysUnitByCodeThenDate()
    {
        var lineage = _registry.Lineage("45");

        Assert.Equal(
            [("44", "Quảng Bình"), ("44", "Quảng Trị"), ("45", "Quảng Trị")],
            lineage.Select(u => (u.Code, u.DisplayName)));
        Assert.True(lineage[0].ValidFrom < lineage[1].ValidFrom);
    }

    [Fact]
    public void PredecessorsOfTodaysUnitAreTheOtherCodesFoldedIntoIt()
    {
        var today = _registry.Latest("44")!;
        var quangBinh = _registry.IncarnationsOf("44")[0];

        Assert.Equal(["45"], _registry.PredecessorCodesOf(today));
        Assert.Empty(_registry.PredecessorCodesOf(quangBinh));
    }

    [Fact]
    public void PreviousIncarnationsOfACodeComeOldestFirst()
    {
        var today = _registry.Latest("44")!;

        Assert.Equal(["Quảng Bình"], _registry.PreviousIncarnationsOf(today).Select(u => u.DisplayName));
        Assert.Empty(_registry.PreviousIncarnationsOf(_registry.Latest("20")!));
    }

    [Fact]
    public void EveryRecordedUnitResolvesToAUnitValidToday()
    {
        foreach (var unit in _registry.Units)
        {
            var current = _registry.CurrentOf(unit);
            Assert.True(current.IsOpen, $"{unit.Code} ({unit.DisplayName}) resolves to closed {current.Code}");
        }
    }

    [Fact]
    public void RenamedUnitBeforeTheMergerResolvesToItsRenamedSelf()
    {
        // Thừa Thiên Huế became the city of Huế on 2025-01-01 under the same code.
        Assert.Equal("Thừa Thiên Huế", _registry.UnitOn("46", 20241231)?.DisplayName);
        Assert.Equal("Huế", _registry.CurrentOf("46", 20241231)?.DisplayName);
    }

    [Fact]
    public void ChainsOfSeveralClosuresAreFollowedToTheEnd()
    {
        var registry = new ProvinceRegistry(
        [
            Unit("01", validTo: 20191231, successor: "02"),
            Unit("02", validTo: 20241231, successor: "03"),
            Unit("03"),
            Unit("04"),
        ]);

        Assert.Equal("03", registry.CurrentOf("01", 20190101)?.Code);
        Assert.Equal(["01", "02", "03"], registry.LineageCodes("01"));
        Assert.Equal(["01", "02", "03"], registry.LineageCodes("03"));
        Assert.Equal(["04"], registry.LineageCodes("04"));
    }

    [Fact]
    public void UnknownCodeHasNoUnitAndOnlyItselfAsLineage()
    {
        Assert.False(_registry.Contains("99"));
        Assert.Null(_registry.CurrentOf("99"));
        Assert.Equal(["99"], _registry.LineageCodes("99"));
    }

    private static ProvinceUnit Unit(string code, int validFrom = 0, int validTo = ProvinceUnit.OpenEnd, string? successor = null) => new()
    {
        Code = code,
        ValidFrom = validFrom,
        ValidTo = validTo,
        DisplayName = $"Unit {code}",
        FoldedName = TextFolding.Fold($"Unit {code}"),
        SortKey = VietnameseSortKey.For($"Unit {code}"),
        Kind = ProvinceKind.Province,
        SuccessorCode = successor,
    };
}
