using System.Text;
using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Domain.Provinces;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Application.Provinces;

/// <summary>Province incarnations to and from the contract.</summary>
public static class ProvinceMapping
{
    /// <summary>The Province message of one incarnation, with its lineage fields filled from <paramref name="registry"/>.</summary>
    public static Province ToProto(ProvinceUnit unit, ProvinceRegistry registry)
    {
        var province = new Province
        {
            Name = ProvinceDirectory.NamePattern.Format(unit.Code),
            Code = unit.Code,
            DisplayName = unit.DisplayName,
            Kind = unit.Kind,
            Region = unit.Region,
            Seat = unit.Seat,
            ValidFrom = ProtoConvert.ToDate(unit.ValidFrom),
            ValidTo = unit.IsOpen ? null : ProtoConvert.ToDate(unit.ValidTo),
            SuccessorCode = unit.IsOpen ? "" : unit.SuccessorCode ?? "",
            LegalBasis = unit.LegalBasis,
        };
        province.PredecessorCodes.AddRange(registry.PredecessorCodesOf(unit));
        province.PreviousIncarnations.AddRange(registry.PreviousIncarnationsOf(unit).Select(ToIncarnation));
        return province;
    }

    public static ProvinceIncarnation ToIncarnation(ProvinceUnit unit) => new()
    {
        DisplayName = unit.DisplayName,
        Kind = unit.Kind,
        Region = unit.Region,
        Seat = unit.Seat,
        ValidFrom = ProtoConvert.ToDate(unit.ValidFrom),
        ValidTo = unit.IsOpen ? null : ProtoConvert.ToDate(unit.ValidTo),
        LegalBasis = unit.LegalBasis,
    };

    /// <summary>A seed record as an incarnation row; the name is "provinces/{code}" and the code comes from it.</summary>
    public static ProvinceUnit ToEntity(Province province)
    {
        var code = ProvinceDirectory.NamePattern.Parse(province.Name, "province.name");
        var displayName = province.DisplayName.Normalize(NormalizationForm.FormC);
        return new ProvinceUnit
        {
            Code = code,
            ValidFrom = ProtoConvert.ToSortable(province.ValidFrom),
            ValidTo = PartialDate.FromProto(province.ValidTo)?.ToSortable() ?? ProvinceUnit.OpenEnd,
            DisplayName = displayName,
            FoldedName = TextFolding.Fold(displayName),
            SortKey = VietnameseSortKey.For(displayName),
            Kind = province.Kind,
            Region = province.Region,
            Seat = province.Seat.Normalize(NormalizationForm.FormC),
            SuccessorCode = string.IsNullOrEmpty(province.SuccessorCode) ? null : province.SuccessorCode,
            LegalBasis = province.LegalBasis.Normalize(NormalizationForm.FormC),
        };
    }
}
