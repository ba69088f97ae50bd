using Google.Type;
using Grpc.Net.Client;
using Khcn.Provinces.V1;

namespace Khcn.Bench.Common;

/// <summary>
/// The province codes the generated tasks use, read from the Provinces service (every incarnation): today's units,
/// and the codes closed by the 2025 mergers with the last day each was in use, so every task gets a code that was
/// valid on its date (a task's start, an asset's filing), as the services check.
/// </summary>
public sealed class ProvinceCodes
{
    private ProvinceCodes(IReadOnlyList<ProvinceCode> open, IReadOnlyList<ProvinceCode> closed)
    {
        Open = open;
        Closed = closed;
    }

    /// <summary>Codes of today's units (34).</summary>
    public IReadOnlyList<ProvinceCode> Open { get; }

    /// <summary>Codes no longer in use, each valid until <see cref="ProvinceCode.LastDay"/>.</summary>
    public IReadOnlyList<ProvinceCode> Closed { get; }

    public ProvinceCode this[string code] => Open.Concat(Closed).Single(c => c.Code == code);

    /// <summary>Reads the codes from the Provinces service at <paramref name="provincesAddress"/>.</summary>
    public static async Task<ProvinceCodes> LoadAsync(string provincesAddress)
    {
        using var channel = GrpcChannel.ForAddress(provincesAddress);
        return await LoadAsync(new ProvincesService.ProvincesServiceClient(channel));
    }

    public static async Task<ProvinceCodes> LoadAsync(ProvincesService.ProvincesServiceClient provinces)
    {
        var incarnations = new List<Province>();
        var request = new ListProvincesRequest { IncludeHistorical = true, PageSize = 100 };
        do
        {
            var page = await provinces.ListProvincesAsync(request);
            incarnations.AddRange(page.Provinces);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        var codes = incarnations
            .GroupBy(p => p.Code)
            .Select(g =>
            {
                var latest = g.OrderBy(p => Day(p.ValidFrom, DateOnly.MinValue)).Last();
                var firstDay = g.Min(p => Day(p.ValidFrom, DateOnly.MinValue));
                return new ProvinceCode(g.Key, latest.DisplayName, firstDay, Day(latest.ValidTo, DateOnly.MaxValue));
            })
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ProvinceCodes(
            [.. codes.Where(c => c.LastDay == DateOnly.MaxValue)],
            [.. codes.Where(c => c.LastDay != DateOnly.MaxValue)]);
    }

    private static DateOnly Day(Date? date, DateOnly unset) =>
        date is { Year: > 0 } d ? new DateOnly(d.Year, Math.Max(d.Month, 1), Math.Max(d.Day, 1)) : unset;
}

/// <param name="Code">Two-digit GSO code.</param>
/// <param name="DisplayName">Name of the unit the code denotes last.</param>
/// <param name="FirstDay">First day the code was in use (<see cref="DateOnly.MinValue"/> when the catalog has no start).</param>
/// <param name="LastDay">Last day in use; <see cref="DateOnly.MaxValue"/> while open.</param>
public sealed record ProvinceCode(string Code, string DisplayName, DateOnly FirstDay, DateOnly LastDay);
