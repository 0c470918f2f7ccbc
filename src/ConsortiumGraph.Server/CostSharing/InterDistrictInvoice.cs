using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.CostSharing;

/// <summary>
/// What one member owes another for a period of a partnership's shared staff and courses, line by line.
/// Revised: payments on one invoice serialize, so it is never paid past its amount.
/// </summary>
public sealed class InterDistrictInvoice : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    /// <summary>A school year ("2025-26") or a term of one ("2025-26 S1"): what the invoice bills for.</summary>
    public required string Period { get; set; }
    /// <summary>The district owed: the employing or host district.</summary>
    public int CreditorId { get; set; }
    public District Creditor { get; set; } = null!;
    /// <summary>The district that owes.</summary>
    public int DebtorId { get; set; }
    public District Debtor { get; set; } = null!;
    public DateOnly IssuedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The sum of the payments recorded, kept with the invoice so balances sum in SQL.</summary>
    public decimal Paid { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
    public List<InvoicePayment> Payments { get; set; } = [];
}

/// <summary>One thing an invoice bills: a share of a position's cost, or a term's seats in a shared course.</summary>
public sealed class InvoiceLine : Entity
{
    public int InvoiceId { get; set; }
    public InterDistrictInvoice Invoice { get; set; } = null!;
    public required string Description { get; set; }
    public decimal Amount { get; set; }
    public int? PositionId { get; set; }
    public int? CourseEnrollmentId { get; set; }
}

public sealed class InvoicePayment : Entity
{
    public int InvoiceId { get; set; }
    public InterDistrictInvoice Invoice { get; set; } = null!;
    public DateOnly PaidOn { get; set; }
    public decimal Amount { get; set; }
    public string? Reference { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<InterDistrictInvoice>, IEntityTypeConfiguration<InvoiceLine>, IEntityTypeConfiguration<InvoicePayment>
{
    public void Configure(EntityTypeBuilder<InterDistrictInvoice> i)
    {
        i.Property(x => x.Period).HasMaxLength(20);
        i.HasIndex(x => new { x.PartnershipId, x.Period, x.CreditorId, x.DebtorId }).IsUnique();
        i.HasIndex(x => new { x.DebtorId, x.CreditorId });
        i.HasIndex(x => x.CreditorId);
        i.HasOne(x => x.Partnership).WithMany(x => x.Invoices).HasForeignKey(x => x.PartnershipId);
        i.HasOne(x => x.Creditor).WithMany().HasForeignKey(x => x.CreditorId);
        i.HasOne(x => x.Debtor).WithMany().HasForeignKey(x => x.DebtorId);
    }

    public void Configure(EntityTypeBuilder<InvoiceLine> l)
    {
        l.Property(x => x.Description).HasMaxLength(400);
        l.HasIndex(x => x.InvoiceId);
        l.HasOne(x => x.Invoice).WithMany(x => x.Lines).HasForeignKey(x => x.InvoiceId);
        l.HasOne<SharedPosition>().WithMany().HasForeignKey(x => x.PositionId);
        l.HasOne<CourseEnrollment>().WithMany().HasForeignKey(x => x.CourseEnrollmentId);
    }

    public void Configure(EntityTypeBuilder<InvoicePayment> p)
    {
        p.Property(x => x.Reference).HasMaxLength(100);
        p.HasIndex(x => x.InvoiceId);
        p.HasOne(x => x.Invoice).WithMany(x => x.Payments).HasForeignKey(x => x.InvoiceId);
    }
}
