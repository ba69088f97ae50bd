using Khcn.ProvinceReference;
using Khcn.Tasks.Domain.Programmes;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>
/// The AIP-160 filter fields of ListProgrammes. <c>province_code = "44"</c> matches every code of the unit's merger
/// lineage (44 and the closed 45); <c>province_code = ""</c> finds the national programmes.
/// </summary>
public static class ProgrammeFilters
{
    public static readonly ProvinceFilterSchemas<Programme> Schemas = new("province_code", p => p.ProvinceCode, schema => schema
        .Enum("level", p => p.Level)
        .Year("start_year", p => p.StartYear)
        .Year("end_year", p => p.EndYear)
        .FoldedText("display_name", p => p.FoldedName)
        .String("code", p => p.Code)
        .GlobalText(p => p.FoldedName));
}
