using Khcn.Data;
using Khcn.Provinces.Domain.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> entity)
    {
        entity.ToTable("directives");
        entity.HasKey(d => d.Id);
        entity.Property(d => d.Addressees).HasJsonConversion();
        entity.Property(d => d.History).HasJsonConversion();
        entity.Property(d => d.Version).IsConcurrencyToken();
    }
}
