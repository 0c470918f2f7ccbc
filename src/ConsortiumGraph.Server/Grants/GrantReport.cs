using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>A report the funder requires (interim, annual, final), due on a day, and when it was submitted.</summary>
public sealed class GrantReport : RevisedEntity
{
    public int GrantId { get; set; }
    public Grant Grant { get; set; } = null!;
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
}

internal sealed class GrantReportConfiguration : IEntityTypeConfiguration<GrantReport>
{
    public void Configure(EntityTypeBuilder<GrantReport> r)
    {
        r.Property(x => x.Title).HasMaxLength(200);
        r.HasIndex(x => new { x.GrantId, x.DueOn });
        r.HasOne(x => x.Grant).WithMany(x => x.Reports).HasForeignKey(x => x.GrantId);
    }
}
