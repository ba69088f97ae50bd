using Khcn.Provinces.Domain.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Provinces.Data.Configurations;

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<ReportedFigure>
{
    public void Configure(EntityTypeBuilder<ReportedFigure> entity)
    {
        entity.ToTable("reported_figures");
        entity.HasKey(f => f.Id);
        entity.MapSource(f => f.Source);
    }
}
