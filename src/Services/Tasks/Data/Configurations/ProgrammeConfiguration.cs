using Khcn.Tasks.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Tasks.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> entity)
    {
        entity.ToTable("programmes");
        entity.HasKey(p => p.Id);
        entity.Property(p => p.Version).IsConcurrencyToken();
    }
}
