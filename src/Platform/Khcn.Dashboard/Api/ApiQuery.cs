using System.Globalization;
using Khcn.Dashboard.Store;

namespace Khcn.Dashboard.Api;

/// <summary>
/// Reads the API's query values. Each returns the value, or an <see cref="ApiError"/> naming the field, so a bad value
/// is a 400 the page can show instead of a silent default.
/// </summary>
internal static class ApiQuery
{
    public const int MaxLimit = 5_000;

    public static (int Limit, ApiError? Error) Limit(string? text, int defaultLimit)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (defaultLimit, null);
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit
            ? (limit, null)
            : (0, new ApiError($"limit must be a whole number from 1 to {MaxLimit}.", "limit"));
    }

    public static (long After, ApiError? Error) After(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (0, null);
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            ? (after, null)
            : (0, new ApiError("after must be a sequence number (0 or more).", "after"));
    }

    /// <returns>The level's canonical name (Trace ... Critical), or null for no filter.</returns>
    public static (string? Level, ApiError? Error) Level(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }
        return LogLevels.RankOfName(text) is { } rank
            ? (LogLevels.Names[rank], null)
            : (null, new ApiError($"level must be one of {string.Join(", ", LogLevels.Names)}.", "level"));
    }
}
