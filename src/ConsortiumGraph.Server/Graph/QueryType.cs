using ConsortiumGraph.Access;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Graph;

public sealed class QueryType : ObjectGraphType
{

    public QueryType()
    {
        Name = "Query";
        this.AuthorizeWithRoles(Readers.Members);
        Description = "Everything a consortium's members, their front ends and their funders read.";

        Field<NodeInterface>("node").Description("The object a global ID names; null when none does.")
            .AuthorizeWithRoles(Readers.SignedIn)
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global ID, as returned in any `id` field.")
            .Resolve(c => LoadNode(c, c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("The objects global IDs name, in the same order; null for IDs that name none. At most GraphQL:Limits:MaxListItems IDs (100 unless the server says otherwise).")
            .AuthorizeWithRoles(Readers.SignedIn)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global IDs.")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids"); // at most MaxListItems: ListLimitRule checked it
                return ids.Select(id => LoadNode(c, id)).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsortiumType>>>>("consortia").Description("Every consortium, by name.")
            .AuthorizeWithRoles(Readers.Directory)
            .ResolveAsync(async c => await c.Loaders().ReadAsync(db => db.Consortia.AsNoTracking().OrderBy(x => x.Name).ToListAsync(c.CancellationToken), c.CancellationToken));
        Field<ConsortiumType>("consortium").Description("A consortium by ID.")
            .AuthorizeWithRoles(Readers.Directory)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The consortium's global ID.")
            .Resolve(c => GlobalId.TryDecode(c.GetArgument<string>("id"), "Consortium", out var id) ? c.ById<Consortium>(id) : null);

        this.Connection<object?, DistrictType, District>("districts", "Every district, by name unless ordered otherwise.")
            .AuthorizeWithRoles(Readers.Directory)
            .Filter<DistrictFilter>().Order<DistrictOrder>().DefaultOrder(d => d.Name)
            .FromQuery((_, db) => db.Districts);
        Field<DistrictType>("district").Description("A district by its code (usually the federal LEA id).")
            .AuthorizeWithRoles(Readers.Directory)
            .Argument<NonNullGraphType<StringGraphType>>("code", "The district's code.")
            .ResolveAsync(async c =>
            {
                var code = c.GetArgument<string>("code");
                return await c.Loaders().ReadAsync(db => db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, c.CancellationToken), c.CancellationToken);
            });
        this.Connection<object?, PartnershipType, Partnership>("partnerships", "Every partnership, by name unless ordered otherwise.")
            .AuthorizeWithRoles(Readers.Directory)
            .Filter<PartnershipFilter>().Order<PartnershipOrder>().DefaultOrder(p => p.Name)
            .FromQuery((_, db) => db.Partnerships);
        this.Connection<object?, CommitmentType, Commitment>("commitments", "Every commitment, by due date unless ordered otherwise.")
            .Filter<CommitmentFilter>().Order<CommitmentOrder>().DefaultOrder(x => x.DueOn)
            .FromQuery((_, db) => db.Commitments);
        this.Connection<object?, Agreements.AgreementType, Agreements.Agreement>("agreementsExpiring",
                "Agreements due for renewal: in force in a PROPOSED or ACTIVE partnership and expiring within `within` days, or already EXPIRED; soonest first.")
            .AuthorizeWithRoles(Readers.Staff)
            .Argument<NonNullGraphType<IntGraphType>>("within", $"Days from today (0 to {Agreements.AgreementQueries.MaxWindowDays}).", 90)
            .DefaultOrder(a => a.ExpiresOn)
            .FromQuery((c, db) => Agreements.AgreementQueries.Expiring(db, c.RequestServices!.GetRequiredService<TimeProvider>().Today(), c.GetArgument<int>("within")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FunderType>>>>("funders").Description("Every funder, by name.")
            .ResolveAsync(async c => await c.Loaders().ReadAsync(db => db.Funders.AsNoTracking().OrderBy(x => x.Name).ToListAsync(c.CancellationToken), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateType>>>>("commonDays")
            .AuthorizeWithRoles(Readers.Staff)
            .Description("Days on which every listed district is in session (for shared courses) or every one is out of session (for joint professional learning), "
                + "from the districts' published calendars. Early-release days count as in session.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("districtIds", "The districts (at most 100).")
            .Argument<NonNullGraphType<DateType>>("from", "First day.")
            .Argument<NonNullGraphType<DateType>>("to", $"Last day; at most {CalendarQueries.MaxDays} days after `from`.")
            .Argument<NonNullGraphType<BooleanGraphType>>("inSession", "True for days all are in session; false for days none is.")
            .ResolveAsync(async c => await c.CommonDaysAsync(c.GetArgument<List<string>>("districtIds"), c.GetArgument<DateOnly>("from"),
                c.GetArgument<DateOnly>("to"), c.GetArgument<bool>("inSession")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalFieldDefinitionType>>>>("localFieldDefinitions")
            .AuthorizeWithRoles(Readers.Staff)
            .Description("Describes every plugin-added field, so a front end can render forms for local fields it was not built for.")
            .Resolve(c => LocalFieldDefinition.Of(((ConsortiumSchema)c.Schema).Plugins));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PluginStatusType>>>>("plugins")
            .AuthorizeWithRoles(Readers.Staff)
            .Description("The district plugins the server found: those serving in this schema, builds awaiting approval, and those rejected at load or composition or failed, with the reason.")
            .Resolve(c => PluginStatus.Of(((ConsortiumSchema)c.Schema).Plugins));
        this.AddAuditLog();
        this.AddApiKeys();
        Reporting.FundingReports.AddFundingReport(this);
    }

    private static object? LoadNode(IResolveFieldContext context, string id) =>
        GlobalId.TryDecode(id, out var typeName, out var key) && context.Schema.AllTypes[typeName] is INodeType type
            ? type.LoadNode(context, key)
            : null;
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AuthorizeWithRoles(Readers.Staff); // funders and anonymous callers change nothing
        Description = "Changes, each with one input and a payload that carries typed errors. A payload with errors saved nothing.";
        Consortia.ConsortiumMutations.AddConsortiumMutations(this);
        Districts.DirectoryMutations.AddDirectoryMutations(this);
        Districts.Import.ImportDirectoryMutation.AddImportDirectory(this);
        this.AddPartnershipMutations();
        Partnerships.PartnershipLifecycleMutations.AddPartnershipLifecycleMutations(this);
        Agreements.AgreementMutations.AddAgreementMutations(this);
        this.AddCommitmentMutations();
        Decisions.DecisionMutations.AddDecisionMutations(this);
        this.AddLocalFieldMutations();
        this.AddApiKeyMutations();
        PluginHost.PluginApprovalMutations.AddPluginApprovalMutations(this);
        Indicators.IndicatorMutations.AddIndicatorMutations(this);
        Calendars.CalendarMutations.AddCalendarMutations(this);
        Grants.GrantMutations.AddGrantMutations(this);
        Purchasing.PurchasingMutations.AddPurchasingMutations(this);
        CostSharing.CostSharingMutations.AddCostSharingMutations(this);
        Leagues.LeagueMutations.AddLeagueMutations(this);
        Policy.PolicyMutations.AddPolicyMutations(this);
    }
}
