using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using DepartmentEntity = Khcn.Provinces.Domain.Departments.Department;
using Khcn.Data;

namespace Khcn.Provinces.Application.Departments;

/// <summary>GetDepartment and UpdateDepartment: a province's S&amp;T department, headed by whoever holds the post today.</summary>
public sealed class DepartmentService(
    ProvincesDbContext db, ResourceWrites writes, RecordClock clock, ProvinceDirectory provinces, ProvinceRecordWriteAccess access)
{
    private static readonly UpdateMaskSchema MaskSchema = new(
        updatable: ["display_name", "address", "absorbed_units"],
        immutable: ["name"],
        outputOnly: ["director", "etag", "update_time"]);

    public async Task<Department> GetAsync(GetDepartmentRequest request, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(request.Name, "name", tracking: false, cancellationToken);
        return DepartmentMapping.ToProto(entity, await DirectorIdAsync(entity.ProvinceCode, cancellationToken));
    }

    public async Task<Department> UpdateAsync(UpdateDepartmentRequest request, CancellationToken cancellationToken)
    {
        var department = request.Department ?? throw RequestCheck.Missing("department");
        var provinceCode = DepartmentMapping.NamePattern.Parse(department.Name, "department.name");
        await access.DemandCodesAsync(department.Name, [provinceCode], cancellationToken);
        var paths = MaskSchema.Resolve(request.UpdateMask);

        var validator = new Validator();
        if (paths.Contains("display_name"))
        {
            validator.Required(department.DisplayName, "department.display_name");
        }

        if (paths.Contains("absorbed_units"))
        {
            for (var i = 0; i < department.AbsorbedUnits.Count; i++)
            {
                var unit = department.AbsorbedUnits[i];
                validator.Required(unit.DisplayName, $"department.absorbed_units[{i}].display_name");
                validator.Add(PartialDate.Validate(unit.EffectiveDate, $"department.absorbed_units[{i}].effective_date"));
            }
        }

        validator.ThrowIfInvalid();

        var entity = await FindAsync(department.Name, "department.name", tracking: true, cancellationToken);
        Etags.EnsureMatches(department.Etag, entity.Version, DepartmentMapping.ResourceType, department.Name);
        if (paths.Contains("display_name"))
        {
            DepartmentMapping.SetDisplayName(entity, department.DisplayName);
        }

        if (paths.Contains("address"))
        {
            DepartmentMapping.SetAddress(entity, department.Address);
        }

        if (paths.Contains("absorbed_units"))
        {
            DepartmentMapping.SetAbsorbedUnits(entity, department.AbsorbedUnits);
        }

        entity.Version++;
        entity.UpdateTime = clock.UtcNow();
        await writes.SaveAsync(DepartmentMapping.ResourceType, department.Name, cancellationToken);
        return DepartmentMapping.ToProto(entity, await DirectorIdAsync(entity.ProvinceCode, cancellationToken));
    }

    /// <summary>The department named <paramref name="name"/>; NOT_FOUND naming the province when the code is unknown.</summary>
    private async Task<DepartmentEntity> FindAsync(string name, string field, bool tracking, CancellationToken cancellationToken)
    {
        var code = DepartmentMapping.NamePattern.Parse(name, field);
        if (!provinces.Registry.Contains(code))
        {
            throw ApiException.NotFound(ProvinceDirectory.ResourceType, ProvinceDirectory.NamePattern.Format(code));
        }

        var query = tracking ? db.Departments : db.Departments.AsNoTracking();
        return await query.FirstOrDefaultAsync(d => d.ProvinceCode == code, cancellationToken)
            ?? throw ApiException.NotFound(DepartmentMapping.ResourceType, name);
    }

    /// <summary>
    /// The official holding DEPARTMENT_DIRECTOR today anywhere in the province's lineage (a director appointed under
    /// a code since folded into this unit still counts); the most recently appointed wins.
    /// </summary>
    private async Task<string?> DirectorIdAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var codes = provinces.LineageCodes(provinceCode).ToList();
        var today = clock.TodayInVietnam();
        return await db.OfficialPositions.AsNoTracking()
            .Where(p => p.Role == PositionRole.DepartmentDirector
                && p.ProvinceCode != null && codes.Contains(p.ProvinceCode)
                && p.StartBound <= today && today <= p.EndBound)
            .OrderByDescending(p => p.StartBound)
            .ThenBy(p => p.OfficialId)
            .Select(p => p.OfficialId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
