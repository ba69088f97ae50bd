using Khcn.Aip;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Domain.Tasks;

namespace Khcn.Tasks.Application.Streams;

/// <summary>
/// Rebuilds the entity a history snapshot was taken from, so the ListTasks filter (written against the entity, and
/// translated to SQL elsewhere) can be run in memory on a change: the derived columns it reads (folded texts, start
/// year) are recomputed exactly as the row's were.
/// </summary>
public static class TaskSnapshots
{
    public static ScienceTask ToEntity(V1.Task snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var entity = new ScienceTask
        {
            Id = TaskMapping.Names.TryParse(snapshot.Name, out var ids) ? ids[0] : snapshot.Name,
            Code = snapshot.Code,
            Title = "",
            ProvinceCode = "",
            HostName = "",
            State = snapshot.State,
            AcceptanceRating = snapshot.AcceptanceRating,
            AdjustmentCount = snapshot.AdjustmentCount,
            ExtensionCount = snapshot.ExtensionCount,
            CreateTime = snapshot.CreateTime is { } created ? ProtoConvert.ToUtc(created) : default,
            UpdateTime = snapshot.UpdateTime is { } updated ? ProtoConvert.ToUtc(updated) : default,
        };
        var programmeId = ProgrammeMapping.Names.TryParse(snapshot.Programme, out var programme) ? programme[0] : null;
        TaskMapping.ApplyDescription(snapshot, entity, programmeId);
        return entity;
    }
}
