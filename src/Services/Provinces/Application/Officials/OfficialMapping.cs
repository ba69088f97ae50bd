using System.Text;
using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Domain.Officials;
using Khcn.Provinces.V1;
using OfficialEntity = Khcn.Provinces.Domain.Officials.Official;
using OfficialMessage = Khcn.Provinces.V1.Official;

namespace Khcn.Provinces.Application.Officials;

/// <summary>Officials and their positions to and from the contract.</summary>
public static class OfficialMapping
{
    public const string ResourceType = "khcn.provinces.v1.Official";

    public static readonly ResourceNamePattern NamePattern = new("officials/{official}");

    public static OfficialMessage ToProto(OfficialEntity entity)
    {
        var official = new OfficialMessage
        {
            Name = NamePattern.Format(entity.Id),
            DisplayName = entity.DisplayName,
            Etag = Etags.For(entity.Version),
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
        };
        official.Positions.AddRange(entity.Positions.OrderBy(p => p.Ordinal).Select(ToProto));
        return official;
    }

    public static Position ToProto(OfficialPosition entity) => new()
    {
        Role = entity.Role,
        Title = entity.Title,
        Organisation = entity.Organisation,
        Province = entity.ProvinceCode is null ? "" : ProvinceDirectory.NamePattern.Format(entity.ProvinceCode),
        StartDate = ProtoConvert.ToDate(entity.StartDate),
        EndDate = ProtoConvert.ToDate(entity.EndDate),
    };

    /// <summary>A new official row from a (validated) message.</summary>
    public static OfficialEntity ToEntity(string id, OfficialMessage official, DateTime now)
    {
        var entity = new OfficialEntity
        {
            Id = id,
            DisplayName = "",
            FoldedName = "",
            CreateTime = now,
            UpdateTime = now,
        };
        SetDisplayName(entity, official.DisplayName);
        SetPositions(entity, official.Positions);
        return entity;
    }

    public static void SetDisplayName(OfficialEntity entity, string displayName)
    {
        var normalized = displayName.Trim().Normalize(NormalizationForm.FormC);
        entity.DisplayName = normalized;
        entity.FoldedName = TextFolding.Fold(normalized);
        entity.SortKey = VietnameseSortKey.For(normalized);
    }

    /// <summary>
    /// Replaces the positions, reusing the rows already at each ordinal: the key is (official, ordinal), and
    /// updating in place avoids deleting and re-inserting the same key in one save.
    /// </summary>
    public static void SetPositions(OfficialEntity entity, IReadOnlyList<Position> positions)
    {
        var existing = entity.Positions.OrderBy(p => p.Ordinal).ToList();
        for (var i = 0; i < positions.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new OfficialPosition { OfficialId = entity.Id, Ordinal = i };
            Apply(row, positions[i]);
            if (i >= existing.Count)
            {
                entity.Positions.Add(row);
            }
        }

        foreach (var surplus in existing.Skip(positions.Count))
        {
            entity.Positions.Remove(surplus);
        }
    }

    private static void Apply(OfficialPosition row, Position position)
    {
        row.Role = position.Role;
        row.Title = position.Title.Trim().Normalize(NormalizationForm.FormC);
        row.Organisation = position.Organisation.Trim().Normalize(NormalizationForm.FormC);
        row.ProvinceCode = ProvinceDirectory.NamePattern.TryParse(position.Province, out var ids) ? ids[0] : null;
        row.StartDate = ProtoConvert.ToSortable(position.StartDate);
        row.EndDate = ProtoConvert.ToSortable(position.EndDate);
        row.StartBound = row.StartDate;
        row.EndBound = PostDates.LastPossibleDay(row.EndDate);
    }
}
