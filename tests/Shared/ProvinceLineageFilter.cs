namespace Khcn.Tests.Infrastructure;

/// <summary>
/// A list's province_code filter follows the 2025 mergers: 45 (the old Quảng Trị) closed into today's 44, so filtering on
/// either code finds the records of both, while a code no merger touched (12, Lai Châu) finds only its own.
/// </summary>
public static class ProvinceLineageFilter
{
    /// <param name="marker">The test's marker, put in every filter.</param>
    /// <param name="createInProvince">Creates a record marked with <paramref name="marker"/> under a province code, dated
    /// (started, filed) on a day the code was open; returns its name.</param>
    /// <param name="namesMatching">The names a list with the filter returns.</param>
    public static async Task AssertACodeMatchesEveryCodeOfItsLineageAsync(
        string marker, Func<string, Google.Type.Date, Task<string>> createInProvince, Func<string, Task<IReadOnlyList<string>>> namesMatching)
    {
        var underOldCode = await createInProvince("45", Day(2023, 11, 29));
        var underNewCode = await createInProvince("44", Day(2025, 8, 1));
        var elsewhere = await createInProvince("12", Day(2023, 1, 1));

        var today = await namesMatching($"{marker} AND province_code = \"44\"");
        var closed = await namesMatching($"{marker} AND province_code = \"45\"");
        var unchanged = await namesMatching($"{marker} AND province_code = \"12\"");

        string[] lineage = [.. new[] { underOldCode, underNewCode }.Order(StringComparer.Ordinal)];
        Assert.Equal(lineage, today.Order(StringComparer.Ordinal));
        Assert.Equal(lineage, closed.Order(StringComparer.Ordinal));
        Assert.Equal([elsewhere], unchanged);
    }

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
