using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

public static class IdempotencyModel
{
    /// <summary>Maps <see cref="IdempotencyRecord"/> to the platform migration's <c>idempotency_records</c> table.</summary>
    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            // Explicit names: the table belongs to the platform migration, whatever naming the service applies.
            record.ToTable("idempotency_records");
            record.HasKey(r => new { r.Scope, r.RequestId }).HasName("pk_idempotency_records");
            record.Property(r => r.Scope).HasColumnName("scope");
            record.Property(r => r.RequestId).HasColumnName("request_id");
            record.Property(r => r.RequestHash).HasColumnName("request_hash");
            record.Property(r => r.ResponseType).HasColumnName("response_type");
            record.Property(r => r.Response).HasColumnName("response");
            record.Property(r => r.CreateTime).HasColumnName("create_time");
            record.HasIndex(r => r.CreateTime).HasDatabaseName("ix_idempotency_records_create_time");
        });
        return modelBuilder;
    }
}
