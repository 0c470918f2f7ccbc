using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.CostSharing;

public sealed class SharedPositionType : NodeType<SharedPosition>
{
    private static readonly RowsByKey<PositionShare> Shares = new("SharesByPositionId", s => s.PositionId, q => q.OrderBy(s => s.DistrictId));

    public SharedPositionType() : base("A position (or contracted service) a partnership shares: its employing district, its annual cost and how the MOU splits it. Amounts are in the consortium's `currency`.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership sharing it.").Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field(p => p.Title).Description("What the position is.");
        Field(p => p.Kind).Description("An employee, or a contracted service.");
        Field<NonNullGraphType<DistrictType>>("employingDistrict").Description("The member that employs and pays; the others owe it their shares.")
            .Resolve(c => c.ById<District>(c.Source.EmployingDistrictId));
        Field(p => p.AnnualSalary).Description("Annual salary, or the contract's annual price.");
        Field(p => p.AnnualBenefits).Description("Annual benefits.");
        Field(p => p.AnnualCost).Description("Salary and benefits.");
        Field(p => p.Method).Description("How the cost is split.");
        Field<NonNullGraphType<DistrictType>>("remainderDistrict").Description("The member that takes the cents a split leaves over.")
            .Resolve(c => c.ById<District>(c.Source.RemainderDistrictId));
        Field(p => p.StartsOn, type: typeof(NonNullGraphType<DateType>)).Description("The first day of the arrangement.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PositionShareType>>>>("shares").Description("Each member's basis.").Resolve(c => Shares.Load(c, c.Source.Id));
    }
}

public sealed class PositionShareType : ObjectType<PositionShare>
{
    public PositionShareType()
    {
        Name = "PositionShare";
        Description = "One member's basis in a shared position's split: FTE, hours, students served or a percentage, as the method says.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<DistrictType>>("district").Description("The member.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field<NonNullGraphType<FloatGraphType>>("basis").Description("Its FTE, hours, students served or percentage.").Resolve(c => c.Source.BasisThousandths / 1000.0);
    }
}

public sealed class CourseEnrollmentType : ObjectType<CourseEnrollment>
{
    public CourseEnrollmentType()
    {
        Name = "CourseEnrollment";
        Description = "A member's students in a shared course for a term, and what they cost it.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field(e => e.Term).Description("The school year or term.");
        Field<NonNullGraphType<DistrictType>>("district").Description("The member.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field(e => e.Students).Description("Its students enrolled.");
        Field(e => e.CostPerSeat).Description("What one seat costs for the term.");
        Field<NonNullGraphType<DecimalGraphType>>("cost").Description("Students times the cost per seat.").Resolve(c => c.Source.Students * c.Source.CostPerSeat);
    }
}
