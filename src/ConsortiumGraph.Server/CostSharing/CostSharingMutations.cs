using System.Globalization;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.CostSharing;

/// <summary>
/// Who owes whom for shared staff and shared courses: positions and their agreed split, a course's seats per term,
/// invoices computed from them one period at a time (exact to the cent, the remainder on a stated member), and payments.
/// </summary>
public static class CostSharingMutations
{
    public static void AddCostSharingMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<DefineSharedPositionInput, SharedPositionType, SharedPosition>("defineSharedPosition",
            "Records a position a partnership shares, its annual cost, its employing district and how the MOU splits the cost. The lead district, or admins.", DefinePositionAsync);
        mutation.Mutation<RecordCourseEnrollmentsInput, PartnershipType, Partnership>("recordCourseEnrollments",
            "Records a shared course's students per member for a term and the cost per seat. The lead (host) district, or admins.", RecordEnrollmentsAsync);
        mutation.Mutation<IssueInterDistrictInvoicesInput, List<InterDistrictInvoice>>(typeof(InterDistrictInvoicesPayloadType), "issueInterDistrictInvoices",
            "Issues the invoices of a period: what each member owes the employing or host district for the partnership's shared positions and course seats. The lead district, or admins.",
            IssueAsync);
        mutation.Mutation<RecordInvoicePaymentInput, InterDistrictInvoiceType, InterDistrictInvoice>("recordPayment",
            "Records a payment on an inter-district invoice. Staff of the district that owes or is owed, or admins.", PayAsync);
    }

    private static async Task<SharedPosition?> DefinePositionAsync(MutationContext<DefineSharedPositionInput> m)
    {
        var input = m.Input;
        var title = m.Text(input.Title, "title", 200);
        m.Amount(input.AnnualSalary, "annualSalary", exclusive: true);
        m.Amount(input.AnnualBenefits, "annualBenefits");
        var employing = m.Id(input.EmployingDistrictId, "District", "employingDistrictId");
        var remainder = input.RemainderDistrictId is null ? employing : m.Id(input.RemainderDistrictId, "District", "remainderDistrictId");
        var shares = new Dictionary<int, long>();
        foreach (var (share, i) in input.Shares.Select((s, i) => (s, i)))
        {
            var district = m.Id(share.DistrictId, "District", $"shares.{i}.districtId");
            var thousandths = share.Basis * 1000;
            if (!double.IsFinite(thousandths) || thousandths < 1 || thousandths > 1e12 || Math.Abs(thousandths - Math.Round(thousandths)) > 1e-6)
                m.Invalid("OUT_OF_RANGE", "`basis` is more than 0, with at most three decimal places.", $"shares.{i}.basis");
            else if (district is { } id && !shares.TryAdd(id, (long)Math.Round(thousandths)))
                m.Invalid("DUPLICATE_DISTRICT", "A member is listed twice.", $"shares.{i}.districtId");
        }
        if (input.Shares.Count < 2) m.Invalid("OUT_OF_RANGE", "A shared position has at least two members' shares.", "shares");
        if (input.Method == AllocationMethod.FixedShares && !m.Failed && shares.Values.Sum() != 100_000)
            m.Invalid("SHARES_NOT_100", $"Fixed shares add up to 100; these add up to {shares.Values.Sum() / 1000m:0.###}.", "shares");
        var partnership = await m.AsLeadAsync(input.PartnershipId, "partnershipId");
        if (partnership is null || title is null || employing is null || remainder is null || m.Failed) return null;
        m.RequireOpen(partnership, "partnershipId", "it takes no new arrangements");
        var current = partnership.Members.Where(x => x.IsCurrentOn(m.Today)).Select(x => x.DistrictId).ToHashSet();
        foreach (var (id, i) in shares.Keys.Select((id, i) => (id, i)).Where(s => !current.Contains(s.id)))
            m.Violates(PartnershipRules.MemberRequired, $"Share {i + 1} names a district that is not a current member of {partnership.Name}.", $"shares.{i}.districtId");
        if (!shares.ContainsKey(employing.Value))
            m.Violates("EMPLOYER_MUST_SHARE", "The employing district is one of the members sharing the position: give it a share (it pays for its own part too).", "employingDistrictId");
        if (!shares.ContainsKey(remainder.Value))
            m.Violates("REMAINDER_MUST_SHARE", "The member taking the leftover cents is one of those sharing the position.", "remainderDistrictId");
        if (m.Failed) return null;
        var position = new SharedPosition
        {
            PartnershipId = partnership.Id, Title = title, Kind = input.Kind, EmployingDistrictId = employing.Value, AnnualSalary = input.AnnualSalary,
            AnnualBenefits = input.AnnualBenefits, Method = input.Method, RemainderDistrictId = remainder.Value, StartsOn = input.StartsOn,
            Shares = [.. shares.Select(s => new PositionShare { DistrictId = s.Key, BasisThousandths = s.Value })],
        };
        m.Db.SharedPositions.Add(position);
        return position;
    }

    private static async Task<Partnership?> RecordEnrollmentsAsync(MutationContext<RecordCourseEnrollmentsInput> m)
    {
        var input = m.Input;
        SchoolPeriod.Check(m, input.Term, "term");
        m.Amount(input.CostPerSeat, "costPerSeat");
        var seats = new Dictionary<int, int>();
        foreach (var (entry, i) in input.Enrollments.Select((e, i) => (e, i)))
        {
            var district = m.Id(entry.DistrictId, "District", $"enrollments.{i}.districtId");
            if (entry.Students is < 0 or > 100_000) m.Invalid("OUT_OF_RANGE", "`students` must be between 0 and 100,000.", $"enrollments.{i}.students");
            else if (district is { } id && !seats.TryAdd(id, entry.Students)) m.Invalid("DUPLICATE_DISTRICT", "A member is listed twice.", $"enrollments.{i}.districtId");
        }
        if (seats.Count == 0 && !m.Failed) m.Invalid("REQUIRED", "List at least one member's enrollment.", "enrollments");
        var partnership = await m.AsLeadAsync(input.PartnershipId, "partnershipId");
        if (partnership is null || m.Failed) return null;
        if (partnership.Kind != PartnershipKind.SharedCourse)
            m.Violates("NOT_A_SHARED_COURSE", $"{partnership.Name} is not a shared course; its costs are shared through positions.", "partnershipId");
        foreach (var (id, i) in seats.Keys.Select((id, i) => (id, i)).Where(s => partnership.Members.All(x => x.DistrictId != s.id)))
            m.Violates(PartnershipRules.MemberRequired, $"Enrollment {i + 1} names a district that is not a member of {partnership.Name}.", $"enrollments.{i}.districtId");
        var ct = m.Field.CancellationToken;
        if (await m.Db.InterDistrictInvoices.IgnoreQueryFilters().AnyAsync(v => v.PartnershipId == partnership.Id && v.Period == input.Term, ct))
            m.Violates("ALREADY_INVOICED", $"{input.Term} is invoiced already; its enrollments no longer change.", "term");
        if (m.Failed) return null;
        // A term recorded again replaces what was recorded, member by member.
        var stored = await m.Db.CourseEnrollments.IgnoreQueryFilters().Where(e => e.PartnershipId == partnership.Id && e.Term == input.Term).ToListAsync(ct);
        foreach (var (district, students) in seats)
        {
            if (stored.FirstOrDefault(e => e.DistrictId == district) is { } row)
            {
                if (row.Students == students && row.CostPerSeat == input.CostPerSeat) continue;
                (row.Students, row.CostPerSeat) = (students, input.CostPerSeat);
                m.Revise(row, null);
            }
            else m.Db.CourseEnrollments.Add(new CourseEnrollment { PartnershipId = partnership.Id, Term = input.Term, DistrictId = district, Students = students, CostPerSeat = input.CostPerSeat });
        }
        // Two hosts recording the same term at once: a new row meets the unique (partnership, term, district) index, a changed one its revision.
        return partnership;
    }

    private static async Task<List<InterDistrictInvoice>?> IssueAsync(MutationContext<IssueInterDistrictInvoicesInput> m)
    {
        var input = m.Input;
        SchoolPeriod.Check(m, input.Period, "period");
        if (input.Months is < 1 or > 12) m.Invalid("OUT_OF_RANGE", "`months` must be between 1 and 12.", "months");
        var issuedOn = input.IssuedOn ?? m.Today;
        var dueOn = input.DueOn ?? issuedOn.AddDays(30);
        m.NotInFuture(issuedOn, "issuedOn");
        if (dueOn < issuedOn) m.Invalid("INVALID_RANGE", "`dueOn` is before `issuedOn`.", "dueOn");
        var partnership = await m.AsLeadAsync(input.PartnershipId, "partnershipId");
        if (partnership is null || m.Failed) return null;
        var ct = m.Field.CancellationToken;
        if (await m.Db.InterDistrictInvoices.IgnoreQueryFilters().AnyAsync(v => v.PartnershipId == partnership.Id && v.Period == input.Period, ct))
        {
            m.Violates("ALREADY_INVOICED", $"{partnership.Name} has invoices for {input.Period} already; a period is invoiced once.", "period");
            return null;
        }

        var lines = new List<(int Creditor, int Debtor, InvoiceLine Line)>();
        var positions = await m.Db.SharedPositions.IgnoreQueryFilters().Include(p => p.Shares).Where(p => p.PartnershipId == partnership.Id).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var position in positions)
        {
            var cost = Allocation.ForMonths(position.AnnualCost, input.Months);
            var parts = Allocation.Split(cost, position.Shares.ToDictionary(s => s.DistrictId, s => s.BasisThousandths), position.RemainderDistrictId);
            foreach (var (district, amount) in parts.Where(p => p.Key != position.EmployingDistrictId && p.Value > 0))
                lines.Add((position.EmployingDistrictId, district, new InvoiceLine
                {
                    PositionId = position.Id, Amount = amount,
                    Description = $"{position.Title}, {input.Period}: {input.Months} of 12 months of {position.AnnualCost.ToString("N2", CultureInfo.InvariantCulture)}, "
                        + $"{Basis(position, district)} of the position",
                }));
        }
        var host = partnership.Members.FirstOrDefault(x => x.IsLead)?.DistrictId;
        if (host is { } hostId)
            foreach (var seats in await m.Db.CourseEnrollments.IgnoreQueryFilters().Where(e => e.PartnershipId == partnership.Id && e.Term == input.Period && e.DistrictId != hostId && e.Students > 0)
                         .OrderBy(e => e.DistrictId).ToListAsync(ct))
                lines.Add((hostId, seats.DistrictId, new InvoiceLine
                {
                    CourseEnrollmentId = seats.Id, Amount = seats.CostPerSeat * seats.Students,
                    Description = $"{partnership.Name}, {input.Period}: {seats.Students} seats at {seats.CostPerSeat.ToString("N2", CultureInfo.InvariantCulture)}",
                }));
        if (lines.Count == 0)
        {
            m.Violates("NOTHING_TO_INVOICE", $"{partnership.Name} has no shared positions, and no course seats recorded for {input.Period}, that one member owes another.", "period");
            return null;
        }
        var invoices = lines.GroupBy(l => (l.Creditor, l.Debtor)).OrderBy(g => g.Key.Creditor).ThenBy(g => g.Key.Debtor).Select(g => new InterDistrictInvoice
        {
            PartnershipId = partnership.Id, Period = input.Period, CreditorId = g.Key.Creditor, DebtorId = g.Key.Debtor, IssuedOn = issuedOn, DueOn = dueOn,
            Amount = g.Sum(l => l.Line.Amount), Lines = [.. g.Select(l => l.Line)],
        }).ToList();
        m.Db.InterDistrictInvoices.AddRange(invoices);
        return invoices;
    }

    private static string Basis(SharedPosition position, int district)
    {
        var basis = position.Shares.Single(s => s.DistrictId == district).BasisThousandths / 1000m;
        var total = position.Shares.Sum(s => s.BasisThousandths) / 1000m;
        return position.Method switch
        {
            AllocationMethod.ByFte => $"{basis:0.###} of {total:0.###} FTE",
            AllocationMethod.ByHours => $"{basis:0.###} of {total:0.###} hours",
            AllocationMethod.ByStudentsServed => $"{basis:0.###} of {total:0.###} students served",
            _ => $"{basis:0.###}%",
        };
    }

    private static async Task<InterDistrictInvoice?> PayAsync(MutationContext<RecordInvoicePaymentInput> m)
    {
        var input = m.Input;
        m.Amount(input.Amount, "amount", exclusive: true);
        var paidOn = input.PaidOn ?? m.Today;
        m.NotInFuture(paidOn, "paidOn");
        var reference = m.Text(input.Reference, "reference", 100, required: false);
        var invoice = await m.Find<InterDistrictInvoice>(input.InvoiceId, "InterDistrictInvoice", "invoiceId", q => q.Include(v => v.Debtor).Include(v => v.Creditor));
        if (invoice is null || m.Failed) return null;
        if (!m.Caller.ActsFor(invoice.DebtorId) && !m.ActingFor(invoice.CreditorId, $"{invoice.Debtor.Name} or {invoice.Creditor.Name}", "invoiceId")) return null;
        if (paidOn < invoice.IssuedOn) m.Invalid("INVALID_RANGE", $"The invoice was issued on {invoice.IssuedOn:yyyy-MM-dd}; it cannot be paid before.", "paidOn");
        var outstanding = invoice.Amount - invoice.Paid;
        if (outstanding == 0) m.Violates("ALREADY_PAID", "The invoice is paid in full.", "invoiceId");
        else if (input.Amount > outstanding) m.Violates("OVERPAYMENT", $"{outstanding:N2} is outstanding on the invoice; a payment cannot be more.", "amount");
        if (m.Failed) return null;
        m.Db.InvoicePayments.Add(new InvoicePayment { InvoiceId = invoice.Id, PaidOn = paidOn, Amount = input.Amount, Reference = reference, RecordedAt = m.Now });
        invoice.Paid += input.Amount;
        // Payments on one invoice serialize: two of them cannot together pay more than it is for.
        m.Revise(invoice, input.ExpectedRevision);
        return invoice;
    }
}
