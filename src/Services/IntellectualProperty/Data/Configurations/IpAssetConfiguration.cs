using Khcn.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.IntellectualProperty.Data.Configurations;

internal sealed class IpAssetConfiguration : IEntityTypeConfiguration<IpAsset>
{
    public void Configure(EntityTypeBuilder<IpAsset> entity)
    {
        entity.ToTable("assets");
        entity.HasKey(a => a.Id);
        entity.Property(a => a.NiceClasses).HasJsonConversion();
        entity.Property(a => a.Version).IsConcurrencyToken();
    }
}
