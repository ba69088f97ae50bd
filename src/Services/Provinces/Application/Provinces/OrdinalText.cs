namespace Khcn.Provinces.Application.Provinces;

/// <summary>
/// A string that sorts by ordinal (byte) order. Sort keys are built for binary collations; LINQ to Objects would
/// otherwise compare strings with the current culture, which puts "Sơn La" before "An Giang".
/// </summary>
public readonly record struct OrdinalText(string Value) : IComparable<OrdinalText>
{
    public int CompareTo(OrdinalText other) => string.CompareOrdinal(Value, other.Value);
}
