using Khcn.Provinces.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

/// <summary>Maps a <see cref="SourceDocument"/> to flat source_* columns so figures can be filtered by document.</summary>
internal static class SourceColumns
{
    public static void MapSource<TEntity>(this EntityTypeBuilder<TEntity> entity, System.Linq.Expressions.Expression<Func<TEntity, SourceDocument?>> source)
        where TEntity : class =>
        entity.ComplexProperty(source, complex =>
        {
            complex.Property(s => s.DocumentId).HasColumnName("source_document_id");
            complex.Property(s => s.Title).HasColumnName("source_title");
            complex.Property(s => s.Author).HasColumnName("source_author");
            complex.Property(s => s.PublishDate).HasColumnName("source_publish_date");
            complex.Property(s => s.Uri).HasColumnName("source_uri");
        });
}
