using System.Text;
using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Domain.Departments;
using DepartmentMessage = Khcn.Provinces.V1.Department;
using AbsorptionMessage = Khcn.Provinces.V1.Absorption;

namespace Khcn.Provinces.Application.Departments;

/// <summary>Departments to and from the contract.</summary>
public static class DepartmentMapping
{
    public const string ResourceType = "khcn.provinces.v1.Department";

    public static readonly ResourceNamePattern NamePattern = new("provinces/{province}/department");

    /// <param name="directorId">Id of the official heading the department today, if any.</param>
    public static DepartmentMessage ToProto(Department entity, string? directorId)
    {
        var department = new DepartmentMessage
        {
            Name = NamePattern.Format(entity.ProvinceCode),
            DisplayName = entity.DisplayName,
            Address = entity.Address,
            Director = directorId is null ? "" : OfficialMapping.NamePattern.Format(directorId),
            Etag = Etags.For(entity.Version),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
        };
        department.AbsorbedUnits.AddRange(entity.AbsorbedUnits.Select(a => new AbsorptionMessage
        {
            DisplayName = a.DisplayName,
            EffectiveDate = ProtoConvert.ToDate(a.EffectiveDate),
            LegalBasis = a.LegalBasis,
        }));
        return department;
    }

    /// <summary>A new department row (seeding) from a message whose name gives the province.</summary>
    public static Department ToEntity(string provinceCode, DepartmentMessage department, DateTime now)
    {
        var entity = new Department { ProvinceCode = provinceCode, DisplayName = "", UpdateTime = now };
        SetDisplayName(entity, department.DisplayName);
        SetAddress(entity, department.Address);
        SetAbsorbedUnits(entity, department.AbsorbedUnits);
        return entity;
    }

    public static void SetDisplayName(Department entity, string displayName) =>
        entity.DisplayName = Normalize(displayName);

    public static void SetAddress(Department entity, string address) =>
        entity.Address = Normalize(address);

    public static void SetAbsorbedUnits(Department entity, IEnumerable<AbsorptionMessage> units) =>
        entity.AbsorbedUnits = [.. units.Select(a => new Absorption(
            Normalize(a.DisplayName), ProtoConvert.ToSortable(a.EffectiveDate), Normalize(a.LegalBasis)))];

    private static string Normalize(string text) => text.Trim().Normalize(NormalizationForm.FormC);
}
