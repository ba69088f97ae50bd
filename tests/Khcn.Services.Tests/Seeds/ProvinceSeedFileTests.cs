using System.Collections;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Khcn.Provinces.V1;

namespace Khcn.Services.Tests.Seeds;

/// <summary>
/// The Provinces service loads seeds/provinces/*.json at start-up, skipping records whose name
/// already exists. These tests keep the files loadable and internally consistent: strict protobuf
/// JSON, the 63 → 34 merger of 2025-07-01, resolvable references, and the Lai Châu disagreement
/// kept as two reports.
/// </summary>
public sealed partial class ProvinceSeedFileTests
{
    private static readonly DateOnly EveOfMerger = new(2025, 6, 30);
    private static readonly DateOnly MergerDay = new(2025, 7, 1);

    private static ProvinceSeedSet Seeds => ProvinceSeedSet.Instance;

    public static TheoryData<string> SeedFileNames => new()
    {
        ProvinceSeedSet.ProvincesFile,
        ProvinceSeedSet.DepartmentsFile,
        ProvinceSeedSet.OfficialsFile,
        ProvinceSeedSet.EngagementsFile,
        ProvinceSeedSet.RecommendationsFile,
        ProvinceSeedSet.DirectivesFile,
        ProvinceSeedSet.ReportedFiguresFile,
    };

    [Theory]
    [MemberData(nameof(SeedFileNames))]
    public void EverySeedFileParsesStrictlyIntoContractMessages(string file)
    {
        var records = Seeds.AllRecords.Where(r => r.File == file).ToList();

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(NameOf(r.Message)), $"{file}: a record has no name."));
    }

    [Fact]
    public void SixtyThreeUnitsAreValidOnTheEveOfTheMerger()
    {
        var valid = Seeds.ProvincesValidOn(EveOfMerger).Select(p => p.Name).ToList();

        Assert.Equal(63, valid.Count);
        Assert.Equal(valid.Count, valid.Distinct().Count());
    }

    [Fact]
    public void ThirtyFourUnitsAreValidFromTheMergerDay()
    {
        var valid = Seeds.ProvincesValidOn(MergerDay).ToList();

        Assert.Equal(34, valid.Count);
        Assert.Equal(34, valid.Select(p => p.Name).Distinct().Count());
        Assert.Equal(6, valid.Count(p => p.Kind == ProvinceKind.CentrallyRunCity));
    }

    [Fact]
    public void EveryClosedUnitHasASuccessorValidTheNextDayAndAfterTheMerger()
    {
        var closed = Seeds.Provinces.Where(p => p.ValidTo.IsSet()).ToList();

        Assert.NotEmpty(closed);
        Assert.All(closed, unit =>
        {
            Assert.Matches(TwoDigitCode(), unit.SuccessorCode);
            var successorName = "provinces/" + unit.SuccessorCode;
            var nextDay = unit.ValidTo.ToDateOnly().AddDays(1);
            Assert.True(Seeds.ProvincesValidOn(nextDay, successorName).Count() == 1,
                $"{unit.Name} ({unit.DisplayName}) closes on {unit.ValidTo.ToDateOnly()}; {successorName} is not valid on {nextDay}.");
            Assert.True(Seeds.ProvincesValidOn(MergerDay, successorName).Count() == 1,
                $"{unit.Name} ({unit.DisplayName}): successor {successorName} is not one of the units valid on {MergerDay}.");
        });
    }

    [Fact]
    public void OpenUnitsNameNoSuccessor()
    {
        Assert.All(Seeds.Provinces.Where(p => !p.ValidTo.IsSet()), unit => Assert.Equal("", unit.SuccessorCode));
    }

    [Fact]
    public void NoClosedCodeReappearsLater()
    {
        foreach (var incarnations in Seeds.Provinces.GroupBy(p => p.Name))
        {
            var ordered = incarnations.OrderBy(p => p.ValidFrom.IsSet() ? p.ValidFrom.ToDateOnly() : DateOnly.MinValue).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var unit = ordered[i];
                var later = ordered.Skip(i + 1).ToList();
                if (!unit.ValidTo.IsSet())
                {
                    Assert.True(later.Count == 0, $"{unit.Name}: an incarnation follows one that never closed.");
                    continue;
                }

                var code = ProvinceSeedSet.CodeOf(unit.Name);
                if (unit.SuccessorCode != code)
                {
                    Assert.True(later.Count == 0, $"{unit.Name} ({unit.DisplayName}) was closed into {unit.SuccessorCode} but its code is used again.");
                }
                else
                {
                    // A code that carries on must be picked up by its next incarnation the very next day.
                    Assert.True(later.Count > 0, $"{unit.Name} ({unit.DisplayName}) continues into itself but has no later incarnation.");
                    Assert.Equal(unit.ValidTo.ToDateOnly().AddDays(1), later[0].ValidFrom.ToDateOnly());
                }
            }
        }
    }

    [Fact]
    public void ProvinceIncarnationsAreUniqueByNameAndStart()
    {
        var keys = Seeds.Provinces.Select(p => (p.Name, From: p.ValidFrom.IsSet() ? p.ValidFrom.ToDateOnly() : DateOnly.MinValue)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void ProvinceDisplayNamesCarryNoAdministrativePrefix()
    {
        Assert.All(Seeds.Provinces, p =>
        {
            Assert.False(p.DisplayName.StartsWith("Tỉnh ", StringComparison.OrdinalIgnoreCase), p.DisplayName);
            Assert.False(p.DisplayName.StartsWith("Thành phố ", StringComparison.OrdinalIgnoreCase), p.DisplayName);
            Assert.Equal(p.DisplayName.Trim(), p.DisplayName);
        });
    }

    [Fact]
    public void EveryProvinceHasKindAndRegion()
    {
        Assert.All(Seeds.Provinces, p =>
        {
            Assert.NotEqual(ProvinceKind.Unspecified, p.Kind);
            Assert.NotEqual(Region.Unspecified, p.Region);
            Assert.False(string.IsNullOrWhiteSpace(p.Seat), $"{p.Name} ({p.DisplayName}) has no seat.");
        });
    }

    [Fact]
    public void EveryStringIsNfcNormalised()
    {
        var offenders = Seeds.AllRecords
            .SelectMany(r => StringsOf(r.Message, NameOf(r.Message)).Select(s => (r.File, s.Path, s.Value)))
            .Where(s => !s.Value.IsNormalized(NormalizationForm.FormC))
            .Select(s => $"{s.File} {s.Path}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ResourceNamesAreWellFormed()
    {
        var patterns = new Dictionary<string, Regex>
        {
            [ProvinceSeedSet.ProvincesFile] = ProvinceName(),
            [ProvinceSeedSet.DepartmentsFile] = DepartmentName(),
            [ProvinceSeedSet.OfficialsFile] = CollectionName("officials"),
            [ProvinceSeedSet.EngagementsFile] = CollectionName("engagements"),
            [ProvinceSeedSet.RecommendationsFile] = CollectionName("recommendations"),
            [ProvinceSeedSet.DirectivesFile] = CollectionName("directives"),
            [ProvinceSeedSet.ReportedFiguresFile] = CollectionName("reportedFigures"),
        };

        Assert.All(Seeds.AllRecords, r => Assert.Matches(patterns[r.File], NameOf(r.Message)));
    }

    [Fact]
    public void ResourceNamesAreUniqueOutsideProvinceIncarnations()
    {
        // Provinces are the one exception: a code that survives a merger has two incarnations
        // under one name, told apart by valid_from (see ProvinceIncarnationsAreUniqueByNameAndStart).
        var names = Seeds.AllRecords.Where(r => r.File != ProvinceSeedSet.ProvincesFile).Select(r => NameOf(r.Message)).ToList();

        var duplicates = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void EveryProvinceReferenceResolves()
    {
        var provinceNames = Seeds.Provinces.Select(p => p.Name).ToHashSet();
        var references = Seeds.Departments.Select(d => (d.Name, Province: d.Name[..^"/department".Length]))
            .Concat(Seeds.Officials.SelectMany(o => o.Positions.Where(p => p.Province != "").Select(p => (o.Name, p.Province))))
            .Concat(Seeds.Engagements.Select(e => (e.Name, e.Province)))
            .Concat(Seeds.Recommendations.Select(r => (r.Name, r.Province)))
            .Concat(Seeds.Directives.Select(d => (d.Name, d.Province)))
            .Concat(Seeds.ReportedFigures.Select(f => (f.Name, f.Province)));

        Assert.All(references, r => Assert.True(provinceNames.Contains(r.Province), $"{r.Name} refers to unknown {r.Province}."));
    }

    [Fact]
    public void EveryOfficialReferenceResolves()
    {
        var officialNames = Seeds.Officials.Select(o => o.Name).ToHashSet();
        var references = Seeds.Engagements.Where(e => e.Chair != "").Select(e => (e.Name, Official: e.Chair))
            .Concat(Seeds.Engagements.SelectMany(e => e.Participants.Where(p => p.Official != "").Select(p => (e.Name, p.Official))))
            .Concat(Seeds.Directives.Select(d => (d.Name, Official: d.IssuedBy)));

        Assert.All(references, r => Assert.True(officialNames.Contains(r.Official), $"{r.Name} refers to unknown {r.Official}."));
    }

    [Fact]
    public void EveryEngagementReferenceResolvesToTheSameProvince()
    {
        var engagements = Seeds.Engagements.ToDictionary(e => e.Name);
        var references = Seeds.Recommendations.Select(r => (r.Name, r.Engagement, r.Province))
            .Concat(Seeds.Directives.Select(d => (d.Name, d.Engagement, d.Province)))
            .Concat(Seeds.ReportedFigures.Select(f => (f.Name, f.Engagement, f.Province)));

        Assert.All(references, r =>
        {
            Assert.True(engagements.TryGetValue(r.Engagement, out var engagement), $"{r.Name} refers to unknown {r.Engagement}.");
            Assert.Equal(engagement!.Province, r.Province);
        });
    }

    [Fact]
    public void EngagementsUseTheProvinceCodeValidOnTheirDate()
    {
        Assert.All(Seeds.Engagements, e =>
            Assert.True(Seeds.ProvincesValidOn(e.Date.ToDateOnly(), e.Province).Count() == 1,
                $"{e.Name}: {e.Province} is not valid on {e.Date.ToDateOnly()}."));
    }

    [Fact]
    public void PositionsUseTheProvinceCodeValidWhenFirstAttested()
    {
        var positions = Seeds.Officials.SelectMany(o => o.Positions.Where(p => p.Province != "").Select(p => (o.Name, Position: p)));

        Assert.All(positions, p =>
        {
            Assert.True(p.Position.StartDate.IsFull(), $"{p.Name}: a provincial position has no start date.");
            Assert.True(Seeds.ProvincesValidOn(p.Position.StartDate.ToDateOnly(), p.Position.Province).Any(),
                $"{p.Name}: {p.Position.Province} is not valid on {p.Position.StartDate.ToDateOnly()}.");
        });
    }

    [Fact]
    public void PositionsHaveARoleAndAnOrderedPeriod()
    {
        var positions = Seeds.Officials.SelectMany(o => o.Positions.Select(p => (o.Name, Position: p))).ToList();

        Assert.NotEmpty(positions);
        Assert.All(positions, p =>
        {
            Assert.NotEqual(PositionRole.Unspecified, p.Position.Role);
            if (p.Position.StartDate.IsSet() && p.Position.EndDate.IsSet())
            {
                Assert.True(p.Position.StartDate.FirstDay() <= p.Position.EndDate.LastDay(), $"{p.Name}: position ends before it starts.");
            }
        });
    }

    [Fact]
    public void ParticipantsNameAnOfficialOrCarryADisplayName()
    {
        var participants = Seeds.Engagements.SelectMany(e => e.Participants.Select(p => (e.Name, Participant: p))).ToList();

        Assert.NotEmpty(participants);
        Assert.All(participants, p =>
            Assert.True(p.Participant.Official != "" || p.Participant.DisplayName != "", $"{p.Name}: an anonymous participant."));
    }

    [Fact]
    public void RecordsCarryTheirRequiredFields()
    {
        Assert.All(Seeds.Engagements, e =>
        {
            Assert.NotEqual(EngagementKind.Unspecified, e.Kind);
            Assert.False(string.IsNullOrEmpty(e.Source?.DocumentId), $"{e.Name} has no source document.");
        });
        Assert.All(Seeds.Recommendations, r =>
        {
            Assert.NotEqual(Addressee.Unspecified, r.Addressee);
            Assert.False(string.IsNullOrWhiteSpace(r.Topic), $"{r.Name} has no topic.");
        });
        Assert.All(Seeds.Directives, d => Assert.False(string.IsNullOrWhiteSpace(d.Topic), $"{d.Name} has no topic."));
        Assert.All(Seeds.ReportedFigures, f =>
        {
            Assert.Matches(SnakeCase(), f.Metric);
            Assert.False(string.IsNullOrEmpty(f.Source?.DocumentId), $"{f.Name} has no source document.");
        });
        Assert.All(Seeds.Departments, d => Assert.False(string.IsNullOrWhiteSpace(d.DisplayName), $"{d.Name} has no display name."));
    }

    [Fact]
    public void LifecycleStatesAreLeftToTheService()
    {
        // State is OUTPUT_ONLY: seeded recommendations start RAISED and directives ISSUED.
        Assert.All(Seeds.Recommendations, r => Assert.Equal(Recommendation.Types.State.Unspecified, r.State));
        Assert.All(Seeds.Directives, d => Assert.Equal(Directive.Types.State.Unspecified, d.State));
        Assert.All(Seeds.Recommendations, r => Assert.Empty(r.History));
        Assert.All(Seeds.Directives, d => Assert.Empty(d.History));
    }

    [Fact]
    public void EveryCurrentUnitHasADepartment()
    {
        var departments = Seeds.Departments.Select(d => d.Name).ToHashSet();

        Assert.All(Seeds.ProvincesValidOn(MergerDay), p =>
            Assert.True(departments.Contains(p.Name + "/department"), $"{p.Name} ({p.DisplayName}) has no department."));
    }

    [Fact]
    public void BothConflictingLaiChauProvincialTaskReportsAreKept()
    {
        var reports = Seeds.ReportedFigures
            .Where(f => f.Province == "provinces/12" && f.Metric == "tasks_provincial")
            .ToList();

        Assert.Equal(new[] { 36d, 38d }, reports.Select(f => f.Value).Order());
        Assert.Equal(reports.Count, reports.Select(f => f.Source.DocumentId).Distinct().Count());
        Assert.Single(reports.Select(f => f.Period).Distinct());
        Assert.Single(reports.Select(f => f.Engagement).Distinct());
    }

    private static string NameOf(IMessage message) =>
        (string)message.Descriptor.FindFieldByName("name").Accessor.GetValue(message);

    // Walks every string a message holds, nested messages and repeated fields included.
    private static IEnumerable<(string Path, string Value)> StringsOf(IMessage message, string path)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            var fieldPath = $"{path}.{field.JsonName}";
            IEnumerable<object> values = field.IsRepeated ? ((IList)value).Cast<object>() : [value];
            foreach (var item in values)
            {
                switch (item)
                {
                    case string text:
                        yield return (fieldPath, text);
                        break;
                    case IMessage nested when field.FieldType == FieldType.Message:
                        foreach (var inner in StringsOf(nested, fieldPath))
                        {
                            yield return inner;
                        }
                        break;
                }
            }
        }
    }

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex TwoDigitCode();

    [GeneratedRegex(@"^provinces/\d{2}$")]
    private static partial Regex ProvinceName();

    [GeneratedRegex(@"^provinces/\d{2}/department$")]
    private static partial Regex DepartmentName();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    // AIP-122 resource ids: lower-case letters, digits and hyphens, starting with a letter, at most 63 characters.
    private static Regex CollectionName(string collection) => new($"^{collection}/[a-z](?:[a-z0-9-]{{0,61}}[a-z0-9])?$");
}
