using Khcn.Provinces.Domain.Officials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class OfficialPositionConfiguration : IEntityTypeConfiguration<OfficialPosition>
{
    public void Configure(EntityTypeBuilder<OfficialPosition> entity)
    {
        entity.ToTable("official_positions");
        entity.HasKey(p => new { p.OfficialId, p.Ordinal });
    }
}
