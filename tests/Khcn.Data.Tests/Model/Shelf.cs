namespace Khcn.Data.Tests.Model;

public sealed class Shelf
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";
}
