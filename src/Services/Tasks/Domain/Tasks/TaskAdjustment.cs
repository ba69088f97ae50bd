namespace Khcn.Tasks.Domain.Tasks;

/// <summary>
/// The new values of an adjustment decision taken while a task runs (AdjustTask). Only the parts that are set
/// change; each is one field-mask path of the contract, in <see cref="AdjustablePaths"/>.
/// </summary>
public sealed record TaskAdjustment
{
    public const string Title = "title";
    public const string HostOrganisation = "host_organisation";
    public const string PrincipalInvestigator = "principal_investigator";
    public const string Subject = "subject";
    public const string Budget = "budget";
    public const string Outputs = "outputs";

    /// <summary>What an adjustment may change, in the contract's field order; code, level, province, dates stay.</summary>
    public static readonly IReadOnlyList<string> AdjustablePaths =
        [Title, HostOrganisation, PrincipalInvestigator, Subject, Budget, Outputs];

    public string? NewTitle { get; init; }

    public (string DisplayName, string Address)? NewHostOrganisation { get; init; }

    public string? NewPrincipalInvestigator { get; init; }

    public string? NewSubject { get; init; }

    public (long StateBudgetVnd, long OtherSourcesVnd)? NewBudget { get; init; }

    public IReadOnlyList<TaskOutputValue>? NewOutputs { get; init; }

    /// <summary>The paths this adjustment sets, in <see cref="AdjustablePaths"/> order.</summary>
    public IReadOnlyList<string> Paths =>
    [
        .. NewTitle is null ? Array.Empty<string>() : [Title],
        .. NewHostOrganisation is null ? Array.Empty<string>() : [HostOrganisation],
        .. NewPrincipalInvestigator is null ? Array.Empty<string>() : [PrincipalInvestigator],
        .. NewSubject is null ? Array.Empty<string>() : [Subject],
        .. NewBudget is null ? Array.Empty<string>() : [Budget],
        .. NewOutputs is null ? Array.Empty<string>() : [Outputs],
    ];

    internal void ApplyTo(ScienceTask task)
    {
        if (NewTitle is not null)
        {
            task.Title = NewTitle;
        }

        if (NewHostOrganisation is { } host)
        {
            task.HostName = host.DisplayName;
            task.HostAddress = host.Address;
        }

        if (NewPrincipalInvestigator is not null)
        {
            task.PrincipalInvestigator = NewPrincipalInvestigator;
        }

        if (NewSubject is not null)
        {
            task.Subject = NewSubject;
        }

        if (NewBudget is { } budget)
        {
            task.StateBudgetVnd = budget.StateBudgetVnd;
            task.OtherSourcesVnd = budget.OtherSourcesVnd;
        }

        if (NewOutputs is not null)
        {
            task.Outputs = [.. NewOutputs];
        }
    }
}
