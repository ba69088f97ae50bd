namespace Khcn.Aip;

/// <summary>page_size handling (AIP-158).</summary>
public static class PageSizes
{
    /// <summary>0 means the default, values above the maximum are lowered to it, negative values are rejected.</summary>
    public static int Normalize(int requested, int defaultSize = 50, int maxSize = 1000)
    {
        if (requested < 0)
        {
            throw ApiException.InvalidArgument(
                "page_size must not be negative.",
                new FieldViolation("page_size", "must be 0 (server default) or positive"));
        }

        return requested == 0 ? Math.Min(defaultSize, maxSize) : Math.Min(requested, maxSize);
    }
}
