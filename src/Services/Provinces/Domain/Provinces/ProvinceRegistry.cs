using Khcn.Aip;

namespace Khcn.Provinces.Domain.Provinces;

/// <summary>
/// The lineage rules over every recorded incarnation of every provincial code. Pure: it answers from the list it
/// was built with, so the same rules serve requests (through the in-memory directory) and unit tests.
/// </summary>
/// <remarks>
/// A closed incarnation names the code it was folded into (<see cref="ProvinceUnit.SuccessorCode"/>). The successor
/// is the incarnation of that code valid on the day after the closure, which may be a new incarnation of the same
/// code (Quảng Bình, 44, continued as today's Quảng Trị, 44). Following those links from any incarnation ends at the
/// unit that covers its territory today.
/// </remarks>
public sealed class ProvinceRegistry
{
    // Guards against a malformed seed whose successor links loop; real chains are one or two links long.
    private const int MaxChainLength = 64;

    private readonly Dictionary<string, ProvinceUnit[]> _byCode;

    // The registry never changes once built, while lineage and predecessor questions are asked on every request
    // (filters, reference checks, each listed province): the links are followed once, here.
    private readonly Dictionary<ProvinceUnit, ProvinceUnit?> _successor = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ProvinceUnit, ProvinceUnit> _current = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ProvinceUnit, ProvinceUnit[]> _lineageByCurrent = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string[]> _lineageCodes = new(StringComparer.Ordinal);
    private readonly ILookup<ProvinceUnit, string> _predecessorCodes;

    public ProvinceRegistry(IEnumerable<ProvinceUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = [.. units.OrderBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.ValidFrom)];
        _byCode = Units
            .GroupBy(u => u.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var unit in Units)
        {
            _successor[unit] = FindSuccessor(unit);
        }

        foreach (var unit in Units)
        {
            _current[unit] = FollowSuccessors(unit);
        }

        foreach (var lineage in Units.GroupBy<ProvinceUnit, ProvinceUnit>(u => _current[u], ReferenceEqualityComparer.Instance))
        {
            _lineageByCurrent[lineage.Key] = [.. lineage];
        }

        foreach (var code in _byCode.Keys)
        {
            _lineageCodes[code] = [.. Lineage(code).Select(u => u.Code).Distinct(StringComparer.Ordinal)];
        }

        _predecessorCodes = Units
            .Where(u => _successor[u] is { } successor && u.Code != successor.Code)
            .ToLookup<ProvinceUnit, ProvinceUnit, string>(u => _successor[u]!, u => u.Code, ReferenceEqualityComparer.Instance);
    }

    /// <summary>Every incarnation, ordered by code then first valid day.</summary>
    public IReadOnlyList<ProvinceUnit> Units { get; }

    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>The incarnations of <paramref name="code"/>, oldest first; empty for an unknown code.</summary>
    public IReadOnlyList<ProvinceUnit> IncarnationsOf(string code) =>
        _byCode.TryGetValue(code, out var units) ? units : [];

    /// <summary>The most recent incarnation of <paramref name="code"/> (the open one while the code lives).</summary>
    public ProvinceUnit? Latest(string code) => _byCode.TryGetValue(code, out var units) ? units[^1] : null;

    /// <summary>The incarnation of <paramref name="code"/> valid on <paramref name="date"/> (yyyymmdd), if any.</summary>
    public ProvinceUnit? UnitOn(string code, int date) =>
        _byCode.TryGetValue(code, out var units) ? units.FirstOrDefault(u => u.IsValidOn(date)) : null;

    /// <summary>Every incarnation valid on <paramref name="date"/>: one per code in use that day.</summary>
    public IEnumerable<ProvinceUnit> ValidOn(int date) => Units.Where(u => u.IsValidOn(date));

    /// <summary>The incarnation a closed one was folded into; null while open or when nothing succeeded it.</summary>
    public ProvinceUnit? SuccessorOf(ProvinceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _successor.TryGetValue(unit, out var successor) ? successor : FindSuccessor(unit);
    }

    private ProvinceUnit? FindSuccessor(ProvinceUnit unit)
    {
        if (unit.IsOpen || string.IsNullOrEmpty(unit.SuccessorCode) || !_byCode.TryGetValue(unit.SuccessorCode, out var candidates))
        {
            return null;
        }

        var nextDay = NextDay(unit.ValidTo);
        return candidates.FirstOrDefault(u => u.IsValidOn(nextDay))
            ?? candidates.FirstOrDefault(u => u.ValidFrom > unit.ValidTo);
    }

    /// <summary>The unit covering <paramref name="unit"/>'s territory today: the end of its successor chain.</summary>
    public ProvinceUnit CurrentOf(ProvinceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _current.TryGetValue(unit, out var current) ? current : FollowSuccessors(unit);
    }

    /// <summary>
    /// Today's unit for a code as used on <paramref name="date"/> (45 on 2023-11-29 → today's 44); null when the
    /// code is unknown or was not in use that day.
    /// </summary>
    public ProvinceUnit? CurrentOf(string code, int date) => UnitOn(code, date) is { } unit ? CurrentOf(unit) : null;

    /// <summary>Today's unit for a code, whatever the date it was used on (45 → today's 44; 20 → 20).</summary>
    public ProvinceUnit? CurrentOf(string code) => Latest(code) is { } latest ? CurrentOf(latest) : null;

    /// <summary>
    /// Every incarnation folded into today's unit of <paramref name="code"/>, itself and the code's earlier
    /// incarnations included, ordered by code then first valid day.
    /// </summary>
    public IReadOnlyList<ProvinceUnit> Lineage(string code)
    {
        // Today's unit of a known code is the current of that code's latest incarnation, so it keys a lineage.
        return CurrentOf(code) is { } current ? _lineageByCurrent[current] : [];
    }

    /// <summary>
    /// Every code under which records of today's unit of <paramref name="code"/> may be filed: 44 → {44, 45},
    /// 45 → {44, 45} (a closed code resolves to its successor's lineage), 20 → {20}. Unknown codes yield themselves.
    /// </summary>
    public IReadOnlyList<string> LineageCodes(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _lineageCodes.TryGetValue(code, out var codes) ? codes : [code];
    }

    /// <summary>Codes of other units folded directly into <paramref name="unit"/> (45 for today's 44).</summary>
    public IReadOnlyList<string> PredecessorCodesOf(ProvinceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return [.. _predecessorCodes[unit].Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Earlier incarnations of <paramref name="unit"/>'s code, oldest first (Quảng Bình for today's 44).</summary>
    public IReadOnlyList<ProvinceUnit> PreviousIncarnationsOf(ProvinceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return [.. IncarnationsOf(unit.Code).Where(u => u.ValidFrom < unit.ValidFrom)];
    }

    private ProvinceUnit FollowSuccessors(ProvinceUnit unit)
    {
        var current = unit;
        for (var step = 0; step < MaxChainLength && SuccessorOf(current) is { } next; step++)
        {
            current = next;
        }

        return current;
    }

    /// <summary>The day after a yyyymmdd date; open ends, and dates that are not a real day, just step by one.</summary>
    private static int NextDay(int sortable)
    {
        if (sortable >= ProvinceUnit.OpenEnd)
        {
            return sortable;
        }

        return PartialDate.FromSortable(sortable).ToDateOnly() is { } day
            ? PartialDate.FromDateOnly(day.AddDays(1)).ToSortable()
            : sortable + 1;
    }
}
