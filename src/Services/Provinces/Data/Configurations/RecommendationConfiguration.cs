using Khcn.Data;
using Khcn.Provinces.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> entity)
    {
        entity.ToTable("recommendations");
        entity.HasKey(r => r.Id);
        entity.Property(r => r.History).HasJsonConversion();
        entity.Property(r => r.Version).IsConcurrencyToken();
    }
}
