namespace Khcn.IntellectualProperty.Application.Origins;

/// <summary>What the IP register needs to know about the S&amp;T task an asset came from, as the Tasks service holds it.</summary>
/// <param name="Name">"tasks/{task}".</param>
/// <param name="HostName">The task's host organisation (đơn vị chủ trì).</param>
/// <param name="HostAddress">The host organisation's address, "" when unknown.</param>
/// <param name="StateBudgetVnd">Funding from the state budget, in đồng.</param>
/// <param name="OtherSourcesVnd">Funding from any other source, in đồng.</param>
public sealed record OriginTask(string Name, string HostName, string HostAddress, long StateBudgetVnd, long OtherSourcesVnd)
{
    /// <summary>Paid wholly by the state budget: the case IP Law Art. 86a (as amended 2022) is about.</summary>
    public bool IsFullyStateFunded => StateBudgetVnd > 0 && OtherSourcesVnd == 0;
}
