namespace Khcn.Data.Tests.Model;

public sealed class Book
{
    public string Id { get; set; } = "";

    public string? ShelfId { get; set; }

    public string Title { get; set; } = "";

    public DateTime CreateTime { get; set; }

    public long Version { get; set; }
}
