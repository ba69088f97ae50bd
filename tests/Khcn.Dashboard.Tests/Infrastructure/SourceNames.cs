namespace Khcn.Dashboard.Tests.Infrastructure;

/// <summary>
/// ActivitySource and Meter names unique to one test: providers subscribe by name in the whole process, so tests
/// running at the same time must not share names.
/// </summary>
public sealed class SourceNames
{
    private readonly string _prefix = $"Khcn.Dashboard.Tests.{Guid.NewGuid():N}";

    public string Frontend => $"{_prefix}.Frontend";

    public string Orders => $"{_prefix}.Orders";

    public string Inventory => $"{_prefix}.Inventory";
}
