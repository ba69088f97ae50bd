using Khcn.Data;
using Khcn.Provinces.Domain.Departments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> entity)
    {
        entity.ToTable("departments");
        entity.HasKey(d => d.ProvinceCode);
        entity.Property(d => d.AbsorbedUnits).HasJsonConversion();
        entity.Property(d => d.Version).IsConcurrencyToken();
    }
}
