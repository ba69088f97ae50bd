using Khcn.Aip;
using Khcn.Provinces.V1;

namespace Khcn.ProvinceReference;

/// <summary>
/// Every province code, open or closed, with its validity and merger lineage, as the Provinces service lists it
/// (<c>ListProvinces</c> with <c>include_historical</c>: one <see cref="Province"/> per incarnation). Immutable:
/// a refresh builds a new catalog, so callers may keep the one they got for the whole request.
/// </summary>
/// <remarks>
/// <para>A closed incarnation names the code it was folded into (<c>successor_code</c>); its successor is the
/// incarnation of that code in use on the day after the closure, which may be a new incarnation of the same code
/// (Quảng Bình, 44, continued as today's Quảng Trị, 44). Following those links ends at the unit that covers the
/// territory today, and a code's lineage is every code whose links end at the same unit.</para>
/// <para>Partial dates ("2019", "2019-06") are checked leniently: a code is accepted when it was in use on at
/// least one day of the period. So "not yet valid" compares the period's LAST day with the code's first day, and
/// "closed" compares its FIRST day with the code's last day. Records are often dated only by year, and a task
/// started "in 2025" under code 45 (closed 2025-06-30) may well have started before the merger.</para>
/// </remarks>
public sealed class ProvinceCatalog
{
    // Guards against successor links that loop in malformed data; real chains are one or two links long.
    private const int MaxChainLength = 64;

    private readonly Dictionary<string, CodeIncarnation[]> _byCode;
    private readonly Dictionary<CodeIncarnation, CodeIncarnation> _currentOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string[]> _lineages = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Builds the catalog from the Provinces service's historical listing (every page, in any order).</summary>
    /// <param name="incarnations">One message per incarnation; <c>previous_incarnations</c> are read too.</param>
    /// <param name="timeProvider">Tells today (in Viet Nam) for <see cref="Check"/> with date 0; default the system clock.</param>
    public ProvinceCatalog(IEnumerable<Province> incarnations, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(incarnations);
        _time = timeProvider ?? TimeProvider.System;
        _byCode = ReadIncarnations(incarnations)
            .GroupBy(i => i.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.ValidFrom).ToArray(), StringComparer.Ordinal);

        foreach (var incarnation in _byCode.Values.SelectMany(i => i))
        {
            _currentOf[incarnation] = FollowSuccessors(incarnation);
        }

        var codesByCurrent = _currentOf.ToLookup(pair => pair.Value, pair => pair.Key.Code, ReferenceEqualityComparer.Instance);
        foreach (var (code, codeIncarnations) in _byCode)
        {
            // A closed code belongs to the lineage its latest incarnation was folded into (45 → today's 44).
            var current = _currentOf[codeIncarnations[^1]];
            _lineages[code] = [.. codesByCurrent[current].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        Count = _byCode.Values.Sum(i => i.Length);
        Codes = [.. _byCode.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Number of incarnations (a code used by two units in turn counts twice).</summary>
    public int Count { get; }

    /// <summary>Every code the catalog knows, open or closed, ordered.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Whether some unit, open or closed, ever had <paramref name="code"/>.</summary>
    public bool Contains(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.ContainsKey(code);
    }

    /// <summary>
    /// Every code whose records belong to the unit <paramref name="code"/> is part of today (44 → 44, 45; 45 → 44, 45;
    /// an unchanged province → itself), ordered. An unknown code yields just itself, so a filter on it matches
    /// exactly what it names.
    /// </summary>
    public IReadOnlyCollection<string> LineageOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _lineages.TryGetValue(code, out var lineage) ? lineage : [code];
    }

    /// <summary>
    /// Null when <paramref name="code"/> denoted a unit on <paramref name="onDate"/> (yyyymmdd; 0 = today in Viet Nam;
    /// a partial date passes when the code was in use on some day of its period), else why not.
    /// </summary>
    public ProvinceCodeProblem? Check(string code, int onDate)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegative(onDate);
        if (!_byCode.TryGetValue(code, out var incarnations))
        {
            return new ProvinceCodeProblem(ProvinceCodeProblem.NotFound, $"province code '{code}' does not exist");
        }

        var date = onDate == 0 ? PartialDate.FromDateOnly(VietnamCalendar.Today(_time)).ToSortable() : onDate;
        var days = DayRange.Of(date);
        if (incarnations.Any(i => i.Overlaps(days)))
        {
            return null;
        }

        // No incarnation overlaps the period, so each lies wholly before or wholly after it.
        var first = incarnations[0];
        if (days.Last < first.ValidFrom)
        {
            return new ProvinceCodeProblem(
                ProvinceCodeProblem.NotYetValid,
                $"code {code} was not yet in use on {Format(date)}: it denotes {first.DisplayName} from {Format(first.ValidFrom)}");
        }

        var closed = incarnations.Last(i => i.ValidTo < days.First);
        var current = _currentOf[closed];
        var description = ReferenceEquals(current, closed) || !current.IsOpen
            ? $"code {code} was closed on {Format(closed.ValidTo)}"
            : $"code {code} was closed on {Format(closed.ValidTo)}; records dated after that use {current.Code} ({current.DisplayName})";
        return new ProvinceCodeProblem(ProvinceCodeProblem.Closed, description);
    }

    private static IEnumerable<CodeIncarnation> ReadIncarnations(IEnumerable<Province> provinces)
    {
        var seen = new HashSet<(string Code, int ValidFrom)>();
        var rows = provinces.Select(p => (Province: p, Code: CodeOf(p))).ToList();

        // The listing's own rows first: they carry the successor links.
        foreach (var (province, code) in rows)
        {
            var incarnation = new CodeIncarnation(
                code, province.DisplayName, FirstDay(province.ValidFrom), LastDay(province.ValidTo), province.SuccessorCode);
            if (seen.Add((code, incarnation.ValidFrom)))
            {
                yield return incarnation;
            }
        }

        // Earlier incarnations nested in a row are the same code's past: each continued as that code's next unit.
        // They add nothing when the listing is historical (every incarnation is a row), but keep the validity
        // complete should it list only the latest incarnation of each code.
        foreach (var (province, code) in rows)
        {
            foreach (var previous in province.PreviousIncarnations)
            {
                var incarnation = new CodeIncarnation(code, previous.DisplayName, FirstDay(previous.ValidFrom), LastDay(previous.ValidTo), code);
                if (seen.Add((code, incarnation.ValidFrom)))
                {
                    yield return incarnation;
                }
            }
        }
    }

    private static string CodeOf(Province province) =>
        province.Code is { Length: > 0 } code ? code
        : province.Name.StartsWith("provinces/", StringComparison.Ordinal) ? province.Name["provinces/".Length..]
        : throw new ArgumentException($"The province \"{province.Name}\" has neither a code nor a name of the form provinces/{{code}}.", nameof(province));

    private static int FirstDay(Google.Type.Date? date) =>
        PartialDate.FromProto(date) is { } from ? DayRange.Of(from.ToSortable()).First : CodeIncarnation.OpenStart;

    private static int LastDay(Google.Type.Date? date) =>
        PartialDate.FromProto(date) is { } to ? DayRange.Of(to.ToSortable()).Last : CodeIncarnation.OpenEnd;

    private static string Format(int sortable) => PartialDate.FromSortable(sortable).ToString();

    /// <summary>The incarnation a closed one was folded into; null while open or when nothing took over.</summary>
    private CodeIncarnation? SuccessorOf(CodeIncarnation incarnation)
    {
        if (incarnation.IsOpen || incarnation.SuccessorCode.Length == 0 || !_byCode.TryGetValue(incarnation.SuccessorCode, out var candidates))
        {
            return null;
        }

        var nextDay = DayRange.NextDay(incarnation.ValidTo);
        return candidates.FirstOrDefault(c => c.ValidFrom <= nextDay && nextDay <= c.ValidTo)
            ?? candidates.FirstOrDefault(c => c.ValidFrom > incarnation.ValidTo);
    }

    private CodeIncarnation FollowSuccessors(CodeIncarnation incarnation)
    {
        var current = incarnation;
        for (var step = 0; step < MaxChainLength && SuccessorOf(current) is { } next; step++)
        {
            current = next;
        }

        return current;
    }
}
