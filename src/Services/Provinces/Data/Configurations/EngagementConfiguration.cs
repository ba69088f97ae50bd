using Khcn.Data;
using Khcn.Provinces.Domain.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> entity)
    {
        entity.ToTable("engagements");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Participants).HasJsonConversion();
        entity.MapSource(e => e.Source);
        entity.Property(e => e.Version).IsConcurrencyToken();
    }
}
