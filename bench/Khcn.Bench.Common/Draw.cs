namespace Khcn.Bench.Common;

/// <summary>
/// SplitMix64 seeded by a record's index: the same draws for the same index, whatever the order of generation, so a
/// generated record is the same on every run.
/// </summary>
/// <param name="index">The record's index.</param>
/// <param name="stream">Added to the index before seeding, so two generators (tasks, assets) draw different sequences.</param>
public struct Draw(int index, int stream)
{
    private ulong _state = 0x9E3779B97F4A7C15UL * (ulong)(index + stream);

    /// <summary>A whole number in [min, max].</summary>
    public int Between(int min, int max) => min + (int)(Next() % (ulong)(max - min + 1));

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];

    public DateOnly Day(DateOnly first, DateOnly last) => first.AddDays(Between(0, last.DayNumber - first.DayNumber));

    /// <summary>A day in [first, last] on which <paramref name="province"/>'s code was in use, as the services require of a record's date.</summary>
    public DateOnly DayInUse(ProvinceCode province, DateOnly first, DateOnly last) =>
        Day(BenchDates.Max(first, province.FirstDay), BenchDates.Min(last, province.LastDay));

    public T Weighted<T>(IReadOnlyList<T> items, Func<T, int> weightOf)
    {
        var roll = Between(1, items.Sum(weightOf));
        foreach (var item in items)
        {
            roll -= weightOf(item);
            if (roll <= 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
