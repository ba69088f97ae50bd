namespace Khcn.Bench.Common;

/// <summary>"--name value" pairs after the mode, e.g. <c>measure --address http://127.0.0.1:5101 --requests 2000</c>.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(IEnumerable<string> args)
    {
        using var arg = args.GetEnumerator();
        while (arg.MoveNext())
        {
            var name = arg.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !arg.MoveNext())
            {
                throw new ArgumentException($"Expected '--name value', got '{name}'.");
            }

            _values[name[2..]] = arg.Current;
        }
    }

    public string Text(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");

    public int Number(string name, int fallback) => _values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;

    public int[] Numbers(string name, int[] fallback) =>
        _values.TryGetValue(name, out var value) ? value.Split(',').Select(int.Parse).ToArray() : fallback;
}
