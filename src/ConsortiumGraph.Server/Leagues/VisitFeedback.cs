using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>One visitor's feedback to the host school after a peer visit: once per visitor, kept as given.</summary>
public sealed class VisitFeedback : Entity
{
    public int VisitId { get; set; }
    public PeerVisit Visit { get; set; } = null!;
    public int EducatorId { get; set; }
    public Educator Educator { get; set; } = null!;
    public string? Strengths { get; set; }
    public string? Questions { get; set; }
    public string? Suggestions { get; set; }
    public DateTime GivenAt { get; set; }
}

internal sealed class VisitFeedbackConfiguration : IEntityTypeConfiguration<VisitFeedback>
{
    public void Configure(EntityTypeBuilder<VisitFeedback> f)
    {
        f.Property(x => x.Strengths).HasMaxLength(4000);
        f.Property(x => x.Questions).HasMaxLength(4000);
        f.Property(x => x.Suggestions).HasMaxLength(4000);
        f.HasIndex(x => new { x.VisitId, x.EducatorId }).IsUnique();
        f.HasOne(x => x.Visit).WithMany(x => x.Feedback).HasForeignKey(x => x.VisitId);
        f.HasOne(x => x.Educator).WithMany().HasForeignKey(x => x.EducatorId);
    }
}
