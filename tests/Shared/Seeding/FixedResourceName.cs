using Khcn.Aip;

namespace Khcn.Tests.Seeding;

/// <summary>
/// A seed record's name is fixed in the file ("collection/id" with an AIP-122 id) so that loading it twice finds the
/// record instead of adding another.
/// </summary>
public static class FixedResourceName
{
    /// <summary>Whether <paramref name="name"/> is <paramref name="collection"/>/{id} with a valid id.</summary>
    public static bool IsValid(string name, string collection) =>
        name.StartsWith(collection + "/", StringComparison.Ordinal) && ResourceIds.IsValid(name[(collection.Length + 1)..]);
}
