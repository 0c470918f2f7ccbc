using System.ComponentModel;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.CostSharing;

public sealed class InterDistrictInvoiceType : NodeType<InterDistrictInvoice>
{
    private static readonly RowsByKey<InvoiceLine> Lines = new("LinesByInvoiceId", l => l.InvoiceId);
    private static readonly RowsByKey<InvoicePayment> Payments = new("PaymentsByInvoiceId", p => p.InvoiceId, q => q.OrderBy(p => p.PaidOn).ThenBy(p => p.Id));

    public InterDistrictInvoiceType() : base("What one member owes another for a period of a partnership's shared staff and courses. Only the two districts' staff and admins read it.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership whose costs it bills.").Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field(i => i.Period).Description("The school year or term billed.");
        Field<NonNullGraphType<DistrictType>>("creditor").Description("The district owed (the employing or host district).").Resolve(c => c.ById<District>(c.Source.CreditorId));
        Field<NonNullGraphType<DistrictType>>("debtor").Description("The district that owes.").Resolve(c => c.ById<District>(c.Source.DebtorId));
        Field(i => i.IssuedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day issued.");
        Field(i => i.DueOn, type: typeof(NonNullGraphType<DateType>)).Description("The day payment is due.");
        Field(i => i.Amount).Description("What it is for: the sum of its lines.");
        Field(i => i.Paid).Description("Paid so far.");
        Field<NonNullGraphType<DecimalGraphType>>("outstanding").Description("Still owed.").Resolve(c => c.Source.Amount - c.Source.Paid);
        Field<NonNullGraphType<EnumerationGraphType<InvoiceStatus>>>("status").Description("Open, partly paid, paid, or overdue, as of today.")
            .Resolve(c => StatusOf(c.Source, c.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field(i => i.Revision).Description("Changes with every payment; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoiceLineType>>>>("lines").Description("What it bills, line by line.").Resolve(c => Lines.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoicePaymentType>>>>("payments").Description("Payments recorded, earliest first.").Resolve(c => Payments.Load(c, c.Source.Id));
    }

    public static InvoiceStatus StatusOf(InterDistrictInvoice invoice, DateOnly today) =>
        invoice.Paid >= invoice.Amount ? InvoiceStatus.Paid
        : invoice.DueOn < today ? InvoiceStatus.Overdue
        : invoice.Paid > 0 ? InvoiceStatus.PartlyPaid : InvoiceStatus.Open;
}

[Description("Where an inter-district invoice stands.")]
public enum InvoiceStatus
{
    [Description("Issued, nothing paid, not yet due.")] Open,
    [Description("Part paid, not yet due.")] PartlyPaid,
    [Description("Paid in full.")] Paid,
    [Description("Past its due day and not paid in full.")] Overdue,
}

public sealed class InvoiceLineType : ObjectType<InvoiceLine>
{
    public InvoiceLineType()
    {
        Name = "InvoiceLine";
        Description = "One thing an invoice bills.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field(l => l.Description).Description("What it is, with how it was computed.");
        Field(l => l.Amount).Description("The amount.");
    }
}

public sealed class InvoicePaymentType : ObjectType<InvoicePayment>
{
    public InvoicePaymentType()
    {
        Name = "InvoicePayment";
        Description = "A payment on an inter-district invoice.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field(p => p.PaidOn, type: typeof(NonNullGraphType<DateType>)).Description("The day paid.");
        Field(p => p.Amount).Description("The amount.");
        Field(p => p.Reference, nullable: true).Description("The check number or transfer reference.");
    }
}

public sealed class InterDistrictInvoicesPayloadType() : PayloadType<ListGraphType<NonNullGraphType<InterDistrictInvoiceType>>, List<InterDistrictInvoice>>(
    "InterDistrictInvoicesPayload", "invoices", "The invoices issued, one per pair of districts.");
