using Khcn.Aip;

namespace Khcn.Data.Tests.Seeding;

/// <summary>
/// What the scripted loader does on each attempt: the first <see cref="Outages"/> attempts fail as an unreachable
/// Provinces service does, then <see cref="Failure"/> (if any) is thrown, else the attempt loads.
/// </summary>
public sealed class SeedScript
{
    public int Outages { get; set; }

    public Exception? Failure { get; set; }

    public int Attempts { get; private set; }

    public int Loads { get; private set; }

    public Task RunAsync()
    {
        Attempts++;
        if (Attempts <= Outages)
        {
            throw new ApiException(ApiErrorCode.Unavailable, "UNAVAILABLE", "The Provinces service is unreachable.");
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        Loads++;
        return Task.CompletedTask;
    }
}

/// <summary>A seed loader (scoped, as services register theirs) that follows the <see cref="SeedScript"/>.</summary>
public sealed class ScriptedSeedLoader(SeedScript script) : ISeedLoader
{
    public Task LoadAsync(CancellationToken cancellationToken = default) => script.RunAsync();
}

public sealed class ScriptedSeedOptions : SeedLoadOptions;
