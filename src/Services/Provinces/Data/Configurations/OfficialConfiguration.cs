using Khcn.Provinces.Domain.Officials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> entity)
    {
        entity.ToTable("officials");
        entity.HasKey(o => o.Id);
        entity.Property(o => o.Version).IsConcurrencyToken();
        entity.HasMany(o => o.Positions).WithOne().HasForeignKey(p => p.OfficialId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(o => o.Positions).AutoInclude();
    }
}
