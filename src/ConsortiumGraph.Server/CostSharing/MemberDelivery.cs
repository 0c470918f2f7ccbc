using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.CostSharing;

/// <summary>
/// One member's promises in a partnership beside what happened: the dollars, FTE and seats its commitments promise
/// (dropped ones excepted), against what it was invoiced and paid, its FTE of shared positions and its students enrolled.
/// </summary>
public sealed record MemberDelivery(int DistrictId, decimal CommittedDollars, decimal Invoiced, decimal Paid, double CommittedFte, double SharedFte, int CommittedSeats, int EnrolledSeats)
{
    public static void AddTo(ObjectGraphType<Partnership> partnership) =>
        partnership.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberDeliveryType>>>>("promisedAndDelivered")
            .Description("Per member: what its commitments promise (dollars, FTE, seats) beside what its invoices, its shares of shared positions and its course enrollments "
                + "record. District staff see their own district's row.")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c =>
            {
                var loaders = c.Loaders();
                return loaders.For<int, IReadOnlyList<MemberDelivery>>("DeliveryByPartnershipId",
                    (ids, ct) => loaders.ReadAsync(db => ComputeAsync(db, ids, ct), ct), missing: []).Load(c.Source.Id);
            });

    /// <summary>Four GROUP BYs for every partnership of the response; the partnerships are ones the caller may read, so their rows are read unfiltered.</summary>
    private static async Task<IReadOnlyDictionary<int, IReadOnlyList<MemberDelivery>>> ComputeAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var promised = await db.Commitments.IgnoreQueryFilters().Where(x => ids.Contains(x.PartnershipId) && x.Status != CommitmentStatus.Dropped)
            .GroupBy(x => new { x.PartnershipId, x.DistrictId })
            .Select(g => new { g.Key.PartnershipId, g.Key.DistrictId, Dollars = g.Sum(x => x.Dollars ?? 0), Fte = g.Sum(x => x.StaffFte ?? 0), Seats = g.Sum(x => x.StudentSeats ?? 0) })
            .ToListAsync(ct);
        var invoiced = await db.InterDistrictInvoices.IgnoreQueryFilters().Where(x => ids.Contains(x.PartnershipId))
            .GroupBy(x => new { x.PartnershipId, DistrictId = x.DebtorId })
            .Select(g => new { g.Key.PartnershipId, g.Key.DistrictId, Amount = g.Sum(x => x.Amount), Paid = g.Sum(x => x.Paid) }).ToListAsync(ct);
        var fte = await db.PositionShares.IgnoreQueryFilters().Where(x => ids.Contains(x.Position.PartnershipId) && x.Position.Method == AllocationMethod.ByFte)
            .GroupBy(x => new { x.Position.PartnershipId, x.DistrictId })
            .Select(g => new { g.Key.PartnershipId, g.Key.DistrictId, Thousandths = g.Sum(x => x.BasisThousandths) }).ToListAsync(ct);
        var seats = await db.CourseEnrollments.IgnoreQueryFilters().Where(x => ids.Contains(x.PartnershipId))
            .GroupBy(x => new { x.PartnershipId, x.DistrictId })
            .Select(g => new { g.Key.PartnershipId, g.Key.DistrictId, Students = g.Sum(x => x.Students) }).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<MemberDelivery>)[.. promised.Where(p => p.PartnershipId == id).Select(p => p.DistrictId)
            .Union(invoiced.Where(i => i.PartnershipId == id).Select(i => i.DistrictId))
            .Union(fte.Where(f => f.PartnershipId == id).Select(f => f.DistrictId))
            .Union(seats.Where(s => s.PartnershipId == id).Select(s => s.DistrictId)).Where(db.SeesBusinessOf).Order()
            .Select(d =>
            {
                var p = promised.FirstOrDefault(x => x.PartnershipId == id && x.DistrictId == d);
                var i = invoiced.FirstOrDefault(x => x.PartnershipId == id && x.DistrictId == d);
                return new MemberDelivery(d, p?.Dollars ?? 0, i?.Amount ?? 0, i?.Paid ?? 0, Math.Round(p?.Fte ?? 0, 3),
                    (fte.FirstOrDefault(x => x.PartnershipId == id && x.DistrictId == d)?.Thousandths ?? 0) / 1000.0, p?.Seats ?? 0,
                    seats.FirstOrDefault(x => x.PartnershipId == id && x.DistrictId == d)?.Students ?? 0);
            })]);
    }
}

public sealed class MemberDeliveryType : ObjectType<MemberDelivery>
{
    public MemberDeliveryType()
    {
        Name = "MemberDelivery";
        Description = "One member's promises in a partnership beside what its invoices, shares and enrollments record.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<DistrictType>>("district").Description("The member.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field(m => m.CommittedDollars).Description("Dollars its commitments promise (dropped ones excepted).");
        Field(m => m.Invoiced).Description("What it was invoiced, as the district owing, for shared positions and seats.");
        Field(m => m.Paid).Description("What it paid of that.");
        Field(m => m.CommittedFte).Description("Staff FTE its commitments promise.");
        Field(m => m.SharedFte).Description("Its FTE of the partnership's shared positions split by FTE.");
        Field(m => m.CommittedSeats).Description("Student seats its commitments promise.");
        Field(m => m.EnrolledSeats).Description("Its students enrolled in the shared course, over every term recorded.");
    }
}
