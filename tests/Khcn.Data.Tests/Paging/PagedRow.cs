namespace Khcn.Data.Tests.Paging;

public enum RowKind
{
    Unspecified = 0,
    Alpha = 1,
    Beta = 2,
    Gamma = 3,
}

/// <summary>A row with one column of every key type keyset pagination supports.</summary>
public sealed class PagedRow
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Category { get; set; } = "";

    public int Rank { get; set; }

    public long Amount { get; set; }

    public double Score { get; set; }

    public bool Active { get; set; }

    public RowKind Kind { get; set; }

    public DateTime RecordedAt { get; set; }
}
