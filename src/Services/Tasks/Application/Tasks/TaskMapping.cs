using Khcn.Aip;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Domain.Tasks;
using Proto = Khcn.Tasks.V1;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>ScienceTask entity ⇄ contract message. Pure: shared by the use cases, the history, streams and seeds.</summary>
public static class TaskMapping
{
    public const string ResourceType = TaskLifecycle.ResourceType;

    public static readonly ResourceNamePattern Names = new("tasks/{task}");

    public static Proto.Task ToProto(ScienceTask entity)
    {
        var task = new Proto.Task
        {
            Name = Names.Format(entity.Id),
            Code = entity.Code,
            Title = entity.Title,
            Kind = entity.Kind,
            Level = entity.Level,
            Programme = entity.ProgrammeId is null ? "" : ProgrammeMapping.Names.Format(entity.ProgrammeId),
            ProvinceCode = entity.ProvinceCode,
            HostOrganisation = new Proto.Organisation { DisplayName = entity.HostName, Address = entity.HostAddress },
            PrincipalInvestigator = entity.PrincipalInvestigator,
            Field = entity.Field,
            Subject = entity.Subject,
            StartDate = ProtoConvert.ToDate(entity.StartDate),
            EndDate = ProtoConvert.ToDate(entity.EndDate),
            Budget = new Proto.Budget
            {
                StateBudgetVnd = entity.StateBudgetVnd,
                OtherSourcesVnd = entity.OtherSourcesVnd,
                TotalVnd = entity.TotalBudgetVnd,
            },
            State = entity.State,
            AcceptanceRating = entity.AcceptanceRating,
            AdjustmentCount = entity.AdjustmentCount,
            ExtensionCount = entity.ExtensionCount,
            Etag = Etags.For(entity.Version),
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
        };
        task.Outputs.AddRange(entity.Outputs.Select(o => new Proto.TaskOutput
        {
            Kind = o.Kind,
            Description = o.Description,
            Asset = o.Asset,
            Delivered = o.Delivered,
        }));
        return task;
    }

    /// <summary>
    /// Copies the descriptive (client-writable) fields of <paramref name="task"/> onto <paramref name="entity"/>, in NFC,
    /// and recomputes the derived columns. Validation is the caller's; state, counters and times are left alone.
    /// </summary>
    public static void ApplyDescription(Proto.Task task, ScienceTask entity, string? programmeId)
    {
        entity.Title = Nfc.Of(task.Title);
        entity.Kind = task.Kind;
        entity.Level = task.Level;
        entity.ProgrammeId = programmeId;
        entity.ProvinceCode = task.ProvinceCode;
        entity.HostName = Nfc.Of(task.HostOrganisation?.DisplayName);
        entity.HostAddress = Nfc.Of(task.HostOrganisation?.Address);
        entity.PrincipalInvestigator = Nfc.Of(task.PrincipalInvestigator);
        entity.Field = task.Field;
        entity.Subject = Nfc.Of(task.Subject);
        entity.StartDate = ProtoConvert.ToSortable(task.StartDate);
        entity.EndDate = ProtoConvert.ToSortable(task.EndDate);
        entity.StateBudgetVnd = task.Budget?.StateBudgetVnd ?? 0;
        entity.OtherSourcesVnd = task.Budget?.OtherSourcesVnd ?? 0;
        entity.Outputs = OutputValuesOf(task.Outputs);
        RefreshDerived(entity);
    }

    /// <summary>The stored form of the contract's outputs, descriptions in NFC (UpdateTask and AdjustTask alike).</summary>
    public static List<TaskOutputValue> OutputValuesOf(IEnumerable<Proto.TaskOutput> outputs) =>
        [.. outputs.Select(o => new TaskOutputValue(o.Kind, Nfc.Of(o.Description), o.Asset, o.Delivered))];

    /// <summary>Recomputes the stored derived columns (start year, budget total, folded texts) after any change.</summary>
    public static void RefreshDerived(ScienceTask entity)
    {
        entity.StartYear = entity.StartDate / 10_000;
        entity.TotalBudgetVnd = checked(entity.StateBudgetVnd + entity.OtherSourcesVnd);
        entity.FoldedTitle = TextFolding.Fold(entity.Title);
        entity.FoldedHostName = TextFolding.Fold(entity.HostName);
        entity.FoldedInvestigator = TextFolding.Fold(entity.PrincipalInvestigator);
        entity.SearchText = TextFolding.Fold(string.Join(
            ' ', entity.Code, entity.Title, entity.Subject, entity.HostName, entity.PrincipalInvestigator));
    }
}
