using System.Text;

namespace Khcn.Tests.Seeding;

/// <summary>The checks every service's seed files need as files, whatever records they hold.</summary>
public static class SeedFileChecks
{
    /// <summary>
    /// Every string of the JSON seed file at <paramref name="filePath"/>, values and property names alike, is NFC, and the
    /// walk reached Vietnamese text (so an empty or ASCII-only file cannot pass by having nothing to check).
    /// </summary>
    public static void AssertEveryStringIsNfc(string filePath)
    {
        var strings = JsonStrings.InFile(filePath);
        var offenders = strings.Where(s => !s.Value.IsNormalized(NormalizationForm.FormC)).Select(s => s.Path).ToList();

        Assert.Contains(strings, s => s.Value.Any(c => c > 0x7f));
        Assert.Empty(offenders);
    }

    /// <summary>The seeds' SOURCES.md at <paramref name="sourcesPath"/> names every record (as `name`).</summary>
    public static void AssertSourcesNameEveryRecord(string sourcesPath, IEnumerable<string> recordNames)
    {
        var sources = File.ReadAllText(sourcesPath);

        Assert.All(recordNames, name => Assert.Contains($"`{name}`", sources));
    }
}
