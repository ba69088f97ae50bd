using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Data.Audit;

/// <summary>
/// Maps <see cref="AuditEntry"/> to the platform migration's <c>audit_events</c> table, and lets a service say how
/// its entities appear in the log (resource type and name) or that an entity is not audited.
/// </summary>
public static class AuditModel
{
    internal const string ResourceTypeAnnotation = "Khcn:Audit:ResourceType";
    internal const string ResourceNameAnnotation = "Khcn:Audit:ResourceName";
    internal const string ExcludedAnnotation = "Khcn:Audit:Excluded";

    public static ModelBuilder AddAuditEvents(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            // Explicit names: the table belongs to the platform migration, whatever naming the service applies.
            entry.ToTable("audit_events");
            entry.HasKey(e => e.Sequence).HasName("pk_audit_events");
            entry.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            entry.Property(e => e.EventTime).HasColumnName("event_time");
            entry.Property(e => e.Actor).HasColumnName("actor");
            entry.Property(e => e.ClientId).HasColumnName("client_id");
            entry.Property(e => e.Method).HasColumnName("method");
            entry.Property(e => e.Action).HasColumnName("action").HasConversion<string>();
            entry.Property(e => e.Resource).HasColumnName("resource");
            entry.Property(e => e.ResourceType).HasColumnName("resource_type");
            entry.Property(e => e.ChangedFields).HasColumnName("changed_fields");
            entry.Property(e => e.Before).HasColumnName("before_values");
            entry.Property(e => e.After).HasColumnName("after_values");
            entry.Property(e => e.RequestId).HasColumnName("request_id");
            entry.Property(e => e.TraceId).HasColumnName("trace_id");
            entry.HasIndex(e => new { e.Resource, e.Sequence }).HasDatabaseName("ix_audit_events_resource");
            entry.HasIndex(e => new { e.EventTime, e.Sequence }).HasDatabaseName("ix_audit_events_event_time");

            // Append-only in the model too: a changed audit row fails in SaveChanges before reaching the database
            // (whose triggers refuse it anyway); deleting one is refused by the interceptor.
            foreach (var property in entry.Metadata.GetProperties())
            {
                property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
            }
        });
        return modelBuilder;
    }

    /// <summary>
    /// Names the entity's rows in the log: <paramref name="resourceType"/> (e.g. "tasks.khcn.gov.vn/Task") and a
    /// resource name template of property names in braces (e.g. "tasks/{Id}"). Without it a row is named by its table
    /// and key values.
    /// </summary>
    public static EntityTypeBuilder<T> IsAuditedAs<T>(this EntityTypeBuilder<T> entity, string resourceType, string nameTemplate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameTemplate);
        AuditResourceNames.Validate(entity.Metadata, nameTemplate);
        entity.HasAnnotation(ResourceTypeAnnotation, resourceType);
        entity.HasAnnotation(ResourceNameAnnotation, nameTemplate);
        return entity;
    }

    /// <summary>Leaves the entity's writes out of the log (e.g. a history table that is itself a log of the write).</summary>
    public static EntityTypeBuilder<T> IsNotAudited<T>(this EntityTypeBuilder<T> entity)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.HasAnnotation(ExcludedAnnotation, true);
        return entity;
    }

    /// <summary>
    /// Audit rows never audit themselves; an idempotency record is the write's bookkeeping (its stored response), not
    /// a change of its own.
    /// </summary>
    internal static bool IsAudited(IEntityType entityType) =>
        entityType.ClrType != typeof(AuditEntry)
        && entityType.ClrType != typeof(IdempotencyRecord)
        && entityType.FindAnnotation(ExcludedAnnotation)?.Value is not true;
}
