namespace Khcn.Data.Tests.Seeding;

public sealed class SeedLoadOptionsTests
{
    [Fact]
    public void WithoutAConfiguredPathTheSeedsAreTheServicesFolderNextToTheBinary()
    {
        var options = new ScriptedSeedOptions();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "seeds", "ip"), options.FolderOr("ip"));
    }

    [Fact]
    public void AConfiguredRelativePathIsResolvedAgainstTheWorkingDirectory()
    {
        var options = new ScriptedSeedOptions { Path = Path.Combine("local", "seeds") };

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "local", "seeds"), options.FolderOr("ip"));
    }

    [Fact]
    public void SeedsLoadByDefault()
    {
        Assert.True(new ScriptedSeedOptions().Load);
    }
}
