using Khcn.Tasks.Seeding;
using Khcn.Tests.Seeding;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// seeds/tasks as files: strict protobuf JSON of the contract, every string NFC, fixed and unique resource names, and
/// SOURCES.md accounting for every record.
/// </summary>
public sealed class SeedFileTests
{
    public static TheoryData<string> SeedFiles => new() { SeedLoader.ProgrammesFile, SeedLoader.TasksFile };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_string_and_property_name_in_a_seed_file_is_NFC(string fileName) =>
        SeedFileChecks.AssertEveryStringIsNfc(Path.Combine(TaskSeedFiles.Folder, fileName));

    [Fact]
    public void Every_programme_has_a_unique_fixed_name_and_the_fields_the_api_requires()
    {
        var programmes = TaskSeedFiles.Programmes();

        Assert.NotEmpty(programmes);
        Assert.All(programmes, p =>
        {
            Assert.True(FixedResourceName.IsValid(p.Name, "programmes"), $"\"{p.Name}\" is not programmes/{{id}} with an AIP-122 id.");
            Assert.False(string.IsNullOrWhiteSpace(p.DisplayName), $"{p.Name} has no display name.");
            Assert.NotEqual(V1.TaskLevel.Unspecified, p.Level);
        });
        Assert.Equal(programmes.Count, programmes.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void Every_task_has_a_unique_fixed_name_and_only_programmes_the_seeds_define()
    {
        var tasks = TaskSeedFiles.Tasks();
        var programmes = TaskSeedFiles.Programmes().Select(p => p.Name).ToHashSet();

        Assert.NotEmpty(tasks);
        Assert.All(tasks, t =>
        {
            Assert.True(FixedResourceName.IsValid(t.Name, "tasks"), $"\"{t.Name}\" is not tasks/{{id}} with an AIP-122 id.");
            Assert.True(t.Programme.Length == 0 || programmes.Contains(t.Programme), $"{t.Name} names the unknown {t.Programme}.");
            // Output-only fields a seed cannot set through the import path.
            Assert.Equal(0, t.AdjustmentCount);
            Assert.Equal(0, t.ExtensionCount);
            Assert.Equal("", t.Etag);
        });
        Assert.Equal(tasks.Count, tasks.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void Sources_md_says_where_every_record_comes_from() =>
        SeedFileChecks.AssertSourcesNameEveryRecord(
            TaskSeedFiles.SourcesPath, TaskSeedFiles.Programmes().Select(p => p.Name).Concat(TaskSeedFiles.Tasks().Select(t => t.Name)));
}
