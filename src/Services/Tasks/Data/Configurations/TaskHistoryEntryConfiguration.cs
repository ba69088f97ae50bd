using Khcn.Data;
using Khcn.Tasks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Tasks.Data.Configurations;

internal sealed class TaskHistoryEntryConfiguration : IEntityTypeConfiguration<TaskHistoryEntry>
{
    public void Configure(EntityTypeBuilder<TaskHistoryEntry> entity)
    {
        entity.ToTable("task_events");
        entity.HasKey(e => e.Sequence);
        entity.Property(e => e.Sequence).ValueGeneratedOnAdd();
        entity.Property(e => e.Adopters).HasJsonConversion();
    }
}
