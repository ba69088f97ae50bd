using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Application.Officials;

/// <summary>The field rules of an official's writable fields, reported all at once with their paths.</summary>
public static class OfficialValidation
{
    public static void DisplayName(Validator validator, string displayName, string field) =>
        validator.Required(displayName, field);

    /// <summary>
    /// Each position needs a role; its dates must be valid (partial allowed) and in order; its province, when given,
    /// must be a recorded code (closed codes included: posts are filed under the code of their time).
    /// </summary>
    public static void Positions(Validator validator, IReadOnlyList<Position> positions, string field, ProvinceDirectory provinces)
    {
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            var path = $"{field}[{i}]";
            if (position.Role == PositionRole.Unspecified)
            {
                validator.Add($"{path}.role", "is required");
            }
            else if (!Enum.IsDefined(position.Role))
            {
                validator.Add($"{path}.role", $"{(int)position.Role} is not a known PositionRole");
            }

            var startProblems = PartialDate.Validate(position.StartDate, $"{path}.start_date");
            var endProblems = PartialDate.Validate(position.EndDate, $"{path}.end_date");
            validator.Add(startProblems).Add(endProblems);
            if (startProblems.Count == 0 && endProblems.Count == 0)
            {
                var start = ProtoConvert.ToSortable(position.StartDate);
                var end = ProtoConvert.ToSortable(position.EndDate);
                validator.Check(end == 0 || start <= PostDates.LastPossibleDay(end), $"{path}.end_date", "must not be before start_date");
            }

            if (!string.IsNullOrEmpty(position.Province) && provinces.CheckProvince(position.Province, $"{path}.province") is { } problem)
            {
                validator.Add(problem.Violation.Field, problem.Violation.Description);
            }
        }
    }
}
