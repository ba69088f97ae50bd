using Khcn.Provinces.Domain.Provinces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class ProvinceUnitConfiguration : IEntityTypeConfiguration<ProvinceUnit>
{
    public void Configure(EntityTypeBuilder<ProvinceUnit> entity)
    {
        entity.ToTable("province_units");
        entity.HasKey(p => new { p.Code, p.ValidFrom });
        entity.Ignore(p => p.IsOpen);
    }
}
