using Khcn.Aip;
using Khcn.Tasks.Domain.Programmes;
using Proto = Khcn.Tasks.V1;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>Programme entity ⇄ contract message. Pure: shared by the use cases and the seed loader.</summary>
public static class ProgrammeMapping
{
    public const string ResourceType = "tasks.khcn.gov.vn/Programme";

    public static readonly ResourceNamePattern Names = new("programmes/{programme}");

    public static Proto.Programme ToProto(Programme entity) => new()
    {
        Name = Names.Format(entity.Id),
        Code = entity.Code,
        DisplayName = entity.DisplayName,
        Level = entity.Level,
        StartYear = entity.StartYear,
        EndYear = entity.EndYear,
        ManagingBody = entity.ManagingBody,
        ProvinceCode = entity.ProvinceCode,
        Etag = Etags.For(entity.Version),
        CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
        UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
    };

    /// <summary>
    /// Copies the writable fields of <paramref name="programme"/> (already validated) onto <paramref name="entity"/>,
    /// text in NFC, and keeps the folded name that filters compare against in step with the display name.
    /// </summary>
    public static void ApplyDescription(Proto.Programme programme, Programme entity)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(entity);
        entity.DisplayName = Nfc.Of(programme.DisplayName);
        entity.FoldedName = TextFolding.Fold(entity.DisplayName);
        entity.Level = programme.Level;
        entity.StartYear = programme.StartYear;
        entity.EndYear = programme.EndYear;
        entity.ManagingBody = Nfc.Of(programme.ManagingBody);
        entity.ProvinceCode = programme.ProvinceCode;
    }
}
