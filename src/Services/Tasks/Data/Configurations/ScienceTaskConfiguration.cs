using Khcn.Data;
using Khcn.Tasks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Tasks.Data.Configurations;

internal sealed class ScienceTaskConfiguration : IEntityTypeConfiguration<ScienceTask>
{
    public void Configure(EntityTypeBuilder<ScienceTask> entity)
    {
        entity.ToTable("tasks");
        entity.HasKey(t => t.Id);
        entity.Property(t => t.Outputs).HasJsonConversion();
        entity.Property(t => t.Version).IsConcurrencyToken();
    }
}
