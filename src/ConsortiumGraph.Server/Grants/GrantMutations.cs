using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Grants;

/// <summary>
/// Funders, grants and the fiscal agent's books. The books (budget, drawdowns, spending, reports) are kept
/// by the fiscal agent's staff and the consortium's admins; every change to them revises the grant, so
/// concurrent writers serialize and the caps (spending and drawdowns within the award) hold.
/// </summary>
public static class GrantMutations
{
    public static void AddGrantMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateFunderInput, FunderType, Funder>("createFunder",
            "Adds a funder to the installation. Consortium and platform admins.", CreateFunderAsync).AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<UpdateFunderInput, FunderType, Funder>("updateFunder",
            "Changes a funder's name, website or contact. Platform admins; consortium admins while all its grants are in their consortia.", UpdateFunderAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<RecordGrantInput, GrantType, Grant>("recordGrant",
            "Records a grant awarded to a partnership, received by its fiscal agent, with the reports the funder requires. Its fiscal agent's staff or its consortium's admins.", RecordAsync);
        mutation.Mutation<AmendGrantInput, GrantType, Grant>("amendGrant",
            "Changes an award's amount, period or fiscal agent, keeping the amendment with what it was before.", AmendAsync);
        mutation.Mutation<CloseGrantInput, GrantType, Grant>("closeGrant",
            "Closes out a grant once every drawdown is received: its books no longer change.", CloseAsync);
        mutation.Mutation<ReviseGrantBudgetInput, GrantType, Grant>("reviseGrantBudget",
            "Adopts a new budget for a grant, by category and member district; the one it replaces is kept.", ReviseBudgetAsync);
        mutation.Mutation<RecordDrawdownInput, DrawdownType, Drawdown>("recordDrawdown",
            "Records funds the fiscal agent requested from the funder. The fiscal agent's staff or the consortium's admins.", RecordDrawdownAsync);
        mutation.Mutation<ReceiveDrawdownInput, DrawdownType, Drawdown>("receiveDrawdown",
            "Records the funds of a drawdown as received.", ReceiveDrawdownAsync);
        mutation.Mutation<RecordExpenditureInput, ExpenditureType, Expenditure>("recordExpenditure",
            "Records money spent on a grant's work, from the grant or as match. The fiscal agent's staff or the consortium's admins.", RecordExpenditureAsync);
        mutation.Mutation<ReverseExpenditureInput, ExpenditureType, Expenditure>("reverseExpenditure",
            "Cancels an expenditure recorded in error with a reversal of the opposite amount; both stay on the books.", ReverseExpenditureAsync);
        mutation.Mutation<SubmitGrantReportInput, GrantReportType, GrantReport>("submitGrantReport",
            "Records a required report as submitted to the funder.", SubmitReportAsync);
    }

    private static async Task<Funder?> CreateFunderAsync(MutationContext<CreateFunderInput> m)
    {
        var name = m.Text(m.Input.Name, "name", 200);
        var (website, email) = (m.Website(m.Input.Website), m.Email(m.Input.ContactEmail));
        if (name is not null && await m.Db.Funders.IgnoreQueryFilters().AnyAsync(f => f.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"A funder is already named {name}.", "name");
        if (m.Failed || name is null) return null;
        var funder = new Funder { Name = name, Website = website, ContactEmail = email };
        m.Db.Funders.Add(funder);
        return funder;
    }

    private static async Task<Funder?> UpdateFunderAsync(MutationContext<UpdateFunderInput> m)
    {
        var input = m.Input;
        var funder = await m.Find<Funder>(input.Id, "Funder", "id");
        var name = input.Name is null ? null : m.Text(input.Name, "name", 200);
        var (website, email) = (m.Website(input.Website), m.Email(input.ContactEmail));
        if (funder is null || m.Failed) return null;
        // A funder is the installation's: one consortium's admin must not rename what another's grants name.
        var consortia = m.Caller.Consortia;
        if (!m.Caller.IsPlatformAdmin && await m.Db.Grants.IgnoreQueryFilters()
                .AnyAsync(g => g.FunderId == funder.Id && !consortia.Contains(g.Partnership.ConsortiumId), m.Field.CancellationToken))
        {
            m.Forbidden($"{funder.Name} funds grants in consortia you do not administer; a platform admin changes it.", "id");
            return null;
        }
        if (name is not null && name != funder.Name && await m.Db.Funders.IgnoreQueryFilters().AnyAsync(f => f.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"A funder is already named {name}.", "name");
        if (m.Failed) return null;
        funder.Name = name ?? funder.Name;
        funder.Website = website ?? funder.Website;
        funder.ContactEmail = email ?? funder.ContactEmail;
        m.Revise(funder, input.ExpectedRevision);
        return funder;
    }

    /// <summary>Only the fiscal agent's staff and the admins of its consortium keep a grant's books (NOT_AUTHORIZED otherwise).</summary>
    private static bool KeepsBooks<TInput>(MutationContext<TInput> m, int fiscalAgentId, string fiscalAgent, string inputField)
    {
        if (m.Caller.IsStaff && !m.Caller.DistrictIds.Contains(fiscalAgentId))
        {
            m.Forbidden($"Only the staff of {fiscalAgent}, the fiscal agent, and the consortium's admins keep this grant's books.", inputField);
            return false;
        }
        return m.ActingFor(fiscalAgentId, fiscalAgent, inputField);
    }

    /// <summary>An ACTIVE grant whose books the caller keeps, with its partnership's members; the errors otherwise.</summary>
    private static async Task<Grant?> BooksAsync<TInput>(MutationContext<TInput> m, string? grantId, string inputField = "grantId")
    {
        var grant = await m.Find<Grant>(grantId, "Grant", inputField,
            q => q.Include(g => g.FiscalAgent).Include(g => g.Partnership).ThenInclude(p => p.Members).ThenInclude(x => x.District));
        if (grant is null || !KeepsBooks(m, grant.FiscalAgentId, grant.FiscalAgent.Name, inputField)) return null;
        if (grant.Status == GrantStatus.Closed)
        {
            m.Violates("GRANT_CLOSED", $"The grant was closed out on {grant.ClosedOn:yyyy-MM-dd}; its books no longer change.", inputField);
            return null;
        }
        return grant;
    }

    private static async Task<Grant?> RecordAsync(MutationContext<RecordGrantInput> m)
    {
        var input = m.Input;
        var funder = await m.Find<Funder>(input.FunderId, "Funder", "funderId");
        var partnership = await m.Find<Partnership>(input.PartnershipId, "Partnership", "partnershipId", q => q.Include(p => p.Members).ThenInclude(x => x.District));
        m.Amount(input.Amount, "amount", exclusive: true);
        m.Amount(input.MatchRequired, "matchRequired");
        if (input.EndsOn < input.StartsOn) m.Invalid("INVALID_RANGE", "`endsOn` is before `startsOn`.", "endsOn");
        var award = input.AwardNumber is null ? null : m.Text(input.AwardNumber, "awardNumber", 100);
        var reports = Reports(m, input.Reports ?? [], input.StartsOn);
        if (funder is null || partnership is null || m.Failed) return null;

        var agent = partnership.Members.FirstOrDefault(x => x.IsFiscalAgent && x.IsCurrentOn(m.Today));
        if (agent is null)
        {
            m.Violates("FISCAL_AGENT_REQUIRED", $"{partnership.Name} has no fiscal agent to receive the grant; give a member the role with changeMemberRoles first.", "partnershipId");
            return null;
        }
        if (!KeepsBooks(m, agent.DistrictId, agent.District.Name, "partnershipId")) return null;
        m.RequireOpen(partnership, "partnershipId", "it takes no new grants");
        if (award is not null && await m.Db.Grants.IgnoreQueryFilters().AnyAsync(g => g.FunderId == funder.Id && g.AwardNumber == award, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_AWARD_NUMBER", $"{funder.Name} has a grant with award number {award} already.", "awardNumber");
        if (m.Failed) return null;

        var grant = new Grant
        {
            FunderId = funder.Id, PartnershipId = partnership.Id, FiscalAgentId = agent.DistrictId, AwardNumber = award,
            Amount = input.Amount, MatchRequired = input.MatchRequired ?? 0, StartsOn = input.StartsOn, EndsOn = input.EndsOn, Status = GrantStatus.Active,
            Reports = [.. reports.Select(r => new GrantReport { Title = r.Title, DueOn = r.DueOn })],
        };
        m.Db.Grants.Add(grant);
        return grant;
    }

    private static List<(string Title, DateOnly DueOn)> Reports<TInput>(MutationContext<TInput> m, List<GrantReportInput> inputs, DateOnly startsOn)
    {
        var reports = new List<(string, DateOnly)>();
        foreach (var (report, i) in inputs.Select((r, i) => (r, i)))
        {
            if (m.Text(report.Title, $"reports.{i}.title", 200) is not { } title) continue;
            if (report.DueOn < startsOn) m.Invalid("INVALID_RANGE", "A report cannot be due before the grant starts.", $"reports.{i}.dueOn");
            else if (reports.Contains((title, report.DueOn))) m.Invalid("DUPLICATE_REPORT", $"{title} due {report.DueOn:yyyy-MM-dd} is listed twice.", $"reports.{i}");
            else reports.Add((title, report.DueOn));
        }
        return reports;
    }

    // What a grant's books hold, summed in SQL over every row (the totals are the partnership's, whoever asks). Each
    // mutation sums only what its rules compare, one statement each.
    private static IQueryable<Expenditure> GrantSpending<TInput>(MutationContext<TInput> m, Grant grant) =>
        m.Db.Expenditures.IgnoreQueryFilters().Where(e => e.GrantId == grant.Id && e.FundedBy == FundingSource.Grant);

    private static IQueryable<GrantBudgetLine> BudgetInForce<TInput>(MutationContext<TInput> m, Grant grant) =>
        m.Db.GrantBudgetLines.IgnoreQueryFilters().Where(l => l.GrantId == grant.Id && l.Revision == grant.BudgetVersion);

    private static Task<decimal> DrawnAsync<TInput>(MutationContext<TInput> m, Grant grant) =>
        m.Db.Drawdowns.IgnoreQueryFilters().Where(d => d.GrantId == grant.Id).SumAsync(d => d.Amount, m.Field.CancellationToken);

    private static async Task<Grant?> AmendAsync(MutationContext<AmendGrantInput> m)
    {
        var input = m.Input;
        var reason = m.Text(input.Reason, "reason", 2000);
        m.Amount(input.Amount, "amount", exclusive: true);
        var newAgent = input.FiscalAgentId is null ? null : await m.Find<District>(input.FiscalAgentId, "District", "fiscalAgentId");
        var grant = await BooksAsync(m, input.GrantId);
        if (grant is null || reason is null || m.Failed) return null;

        var (amount, startsOn, endsOn) = (input.Amount ?? grant.Amount, input.StartsOn ?? grant.StartsOn, input.EndsOn ?? grant.EndsOn);
        var agentId = newAgent?.Id ?? grant.FiscalAgentId;
        if (newAgent is not null && !grant.Partnership.Members.Any(x => x.DistrictId == newAgent.Id && x.IsCurrentOn(m.Today)))
            m.Violates("FISCAL_AGENT_MUST_BE_MEMBER", $"{newAgent.Name} is not a current member of {grant.Partnership.Name}; only a member receives its grants.", "fiscalAgentId");
        if (amount == grant.Amount && startsOn == grant.StartsOn && endsOn == grant.EndsOn && agentId == grant.FiscalAgentId)
            m.Invalid("UNCHANGED", "The amendment changes nothing: give a new `amount`, `startsOn`, `endsOn` or `fiscalAgentId`.");
        if (endsOn < startsOn) m.Invalid("INVALID_RANGE", "The period would end before it starts.", input.EndsOn is null ? "startsOn" : "endsOn");
        if (m.Failed) return null;
        var ct = m.Field.CancellationToken;
        var spent = await GrantSpending(m, grant).SumAsync(e => e.Amount, ct);
        var drawn = await DrawnAsync(m, grant);
        var budgeted = await BudgetInForce(m, grant).SumAsync(l => l.Amount, ct);
        if (amount < spent)
            m.Violates("AMOUNT_BELOW_SPENT", $"{spent:N2} is spent from the grant already; the award cannot be less.", "amount");
        if (amount < drawn)
            m.Violates("AMOUNT_BELOW_DRAWN", $"{drawn:N2} is drawn down already; the award cannot be less.", "amount");
        if (amount < budgeted)
            m.Violates("AMOUNT_BELOW_BUDGET", $"The budget in force totals {budgeted:N2}; revise it to the new award first.", "amount");
        // Match spending too: the period must cover every entry of the books.
        if (await m.Db.Expenditures.IgnoreQueryFilters().AnyAsync(e => e.GrantId == grant.Id && (e.SpentOn < startsOn || e.SpentOn > endsOn), ct))
            m.Violates("SPENDING_OUTSIDE_PERIOD", "Spending is recorded outside the new period; the period must cover every expenditure.", input.EndsOn is null ? "startsOn" : "endsOn");
        if (m.Failed) return null;

        var number = await m.Db.GrantAmendments.IgnoreQueryFilters().CountAsync(a => a.GrantId == grant.Id, m.Field.CancellationToken) + 1;
        m.Db.GrantAmendments.Add(new GrantAmendment
        {
            GrantId = grant.Id, Number = number, EffectiveOn = input.EffectiveOn ?? m.Today, Reason = reason, RecordedAt = m.Now,
            AmountBefore = grant.Amount, AmountAfter = amount, StartsOnBefore = grant.StartsOn, StartsOnAfter = startsOn,
            EndsOnBefore = grant.EndsOn, EndsOnAfter = endsOn, FiscalAgentBeforeId = grant.FiscalAgentId, FiscalAgentAfterId = agentId,
        });
        (grant.Amount, grant.StartsOn, grant.EndsOn, grant.FiscalAgentId) = (amount, startsOn, endsOn, agentId);
        m.Revise(grant, input.ExpectedRevision);
        return grant;
    }

    private static async Task<Grant?> CloseAsync(MutationContext<CloseGrantInput> m)
    {
        var input = m.Input;
        var note = m.Text(input.Note, "note", 4000, required: false);
        var closedOn = input.ClosedOn ?? m.Today;
        m.NotInFuture(closedOn, "closedOn");
        var grant = await BooksAsync(m, input.GrantId);
        if (grant is null || m.Failed) return null;
        if (closedOn < grant.StartsOn) m.Invalid("INVALID_RANGE", "A grant cannot close before it starts.", "closedOn");
        var ct = m.Field.CancellationToken;
        var outstanding = await m.Db.Drawdowns.IgnoreQueryFilters().CountAsync(d => d.GrantId == grant.Id && d.ReceivedOn == null, ct);
        if (outstanding > 0)
            m.Violates("DRAWDOWNS_OUTSTANDING", $"{outstanding} drawdown(s) are not received yet; record their receipt before closing.", "grantId");
        if (m.Failed) return null;
        var reports = await m.Db.GrantReports.IgnoreQueryFilters().Where(r => r.GrantId == grant.Id && r.SubmittedOn == null).OrderBy(r => r.DueOn)
            .Select(r => r.Title).ToListAsync(ct);
        if (reports.Count > 0)
            m.Warns("REPORTS_OUTSTANDING", $"Not submitted yet: {string.Join(", ", reports)}. The books close; submit them with submitGrantReport.", "grantId");
        (grant.Status, grant.ClosedOn, grant.CloseoutNote) = (GrantStatus.Closed, closedOn, note);
        m.Revise(grant, input.ExpectedRevision);
        return grant;
    }

    private static async Task<Grant?> ReviseBudgetAsync(MutationContext<ReviseGrantBudgetInput> m)
    {
        var input = m.Input;
        var reason = m.Text(input.Reason, "reason", 2000);
        // How many lines at most is ListLimitRule's (GraphQL:Limits:MaxListItems), as for every input list.
        if (input.Lines.Count == 0) m.Invalid("REQUIRED", "A budget has at least one line.", "lines");
        var lines = new List<GrantBudgetLine>();
        foreach (var (line, i) in input.Lines.Select((l, i) => (l, i)))
        {
            var ok = m.Amount(line.Amount, $"lines.{i}.amount");
            var district = m.Id(line.DistrictId, "District", $"lines.{i}.districtId");
            var description = m.Text(line.Description, $"lines.{i}.description", 400, required: false);
            if (!ok || (line.DistrictId is not null && district is null)) continue;
            if (lines.Any(l => l.Category == line.Category && l.DistrictId == district))
                m.Invalid("DUPLICATE_LINE", $"{line.Category} {(district is null ? "for the partnership" : "for that district")} is listed twice; one line per category and member.", $"lines.{i}");
            else lines.Add(new GrantBudgetLine { Category = line.Category, DistrictId = district, Amount = line.Amount, Description = description });
        }
        var grant = await BooksAsync(m, input.GrantId);
        if (grant is null || reason is null || m.Failed) return null;

        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            if (line.DistrictId is { } id && grant.Partnership.Members.All(x => x.DistrictId != id))
                m.Violates(PartnershipRules.MemberRequired, $"The district of line {i + 1} is not a member of {grant.Partnership.Name}; a budget allocates only to members.", $"lines.{i}.districtId");
        var total = lines.Sum(l => l.Amount);
        if (total > grant.Amount)
            m.Violates("BUDGET_EXCEEDS_AWARD", $"The lines total {total:N2}, more than the award of {grant.Amount:N2}.", "lines");
        if (m.Failed) return null;

        // Spending already past a line is kept (the books are what happened), and said.
        var spent = await m.Db.Expenditures.IgnoreQueryFilters().Where(e => e.GrantId == grant.Id && e.FundedBy == FundingSource.Grant)
            .GroupBy(e => e.Category).Select(g => new { Category = g.Key, Amount = g.Sum(e => e.Amount) }).ToListAsync(m.Field.CancellationToken);
        foreach (var category in spent.Where(s => s.Amount > lines.Where(l => l.Category == s.Category).Sum(l => l.Amount)))
            m.Warns("OVER_BUDGET", $"{category.Amount:N2} is spent on {category.Category} already, more than the new budget gives it.", "lines");

        var number = grant.BudgetVersion + 1;
        m.Db.GrantBudgetRevisions.Add(new GrantBudgetRevision { GrantId = grant.Id, Number = number, RecordedAt = m.Now, Reason = reason, Total = total });
        foreach (var line in lines)
        {
            (line.GrantId, line.Revision) = (grant.Id, number);
            m.Db.GrantBudgetLines.Add(line);
        }
        grant.BudgetVersion = number;
        m.Revise(grant, input.ExpectedRevision);
        return grant;
    }

    private static async Task<Drawdown?> RecordDrawdownAsync(MutationContext<RecordDrawdownInput> m)
    {
        var input = m.Input;
        var requestedOn = input.RequestedOn ?? m.Today;
        m.Amount(input.Amount, "amount", exclusive: true);
        m.NotInFuture(requestedOn, "requestedOn");
        var reference = m.Text(input.Reference, "reference", 100, required: false);
        var grant = await BooksAsync(m, input.GrantId);
        if (grant is null || m.Failed) return null;
        if (requestedOn < grant.StartsOn) m.Invalid("INVALID_RANGE", $"The grant starts on {grant.StartsOn:yyyy-MM-dd}; nothing is drawn before.", "requestedOn");
        var drawn = await DrawnAsync(m, grant);
        if (drawn + input.Amount > grant.Amount)
            m.Violates("EXCEEDS_AWARD", $"{drawn:N2} of {grant.Amount:N2} is drawn down already; at most {grant.Amount - drawn:N2} more can be.", "amount");
        if (m.Failed) return null;
        var drawdown = new Drawdown { GrantId = grant.Id, RequestedOn = requestedOn, Amount = input.Amount, Reference = reference };
        m.Db.Drawdowns.Add(drawdown);
        // Drawdowns on one grant serialize, so two of them cannot together pass the award.
        m.Revise(grant, input.ExpectedRevision);
        return drawdown;
    }

    private static async Task<Drawdown?> ReceiveDrawdownAsync(MutationContext<ReceiveDrawdownInput> m)
    {
        var input = m.Input;
        var receivedOn = input.ReceivedOn ?? m.Today;
        m.Amount(input.Amount, "amount", exclusive: true);
        m.NotInFuture(receivedOn, "receivedOn");
        var drawdown = await m.Find<Drawdown>(input.DrawdownId, "Drawdown", "drawdownId", q => q.Include(d => d.Grant));
        if (drawdown is null || m.Failed) return null;
        if (await BooksAsync(m, GlobalId.Encode("Grant", drawdown.GrantId), "drawdownId") is null) return null;
        if (drawdown.ReceivedOn is { } received)
            m.Violates("ALREADY_RECEIVED", $"The drawdown was received on {received:yyyy-MM-dd}.", "drawdownId");
        if (receivedOn < drawdown.RequestedOn) m.Invalid("INVALID_RANGE", $"The funds were requested on {drawdown.RequestedOn:yyyy-MM-dd}; they cannot arrive before.", "receivedOn");
        if (input.Amount > drawdown.Amount)
            m.Violates("EXCEEDS_REQUEST", $"{drawdown.Amount:N2} was requested; more cannot be received on this drawdown.", "amount");
        if (m.Failed) return null;
        (drawdown.ReceivedOn, drawdown.ReceivedAmount) = (receivedOn, input.Amount);
        m.Revise(drawdown, input.ExpectedRevision);
        return drawdown;
    }

    private static async Task<Expenditure?> RecordExpenditureAsync(MutationContext<RecordExpenditureInput> m)
    {
        var input = m.Input;
        m.Amount(input.Amount, "amount", exclusive: true);
        m.NotInFuture(input.SpentOn, "spentOn");
        var description = m.Text(input.Description, "description", 400);
        var districtId = m.Id(input.DistrictId, "District", "districtId");
        var grant = await BooksAsync(m, input.GrantId);
        if (grant is null || description is null || m.Failed) return null;
        if (input.SpentOn < grant.StartsOn || input.SpentOn > grant.EndsOn)
            m.Violates("OUTSIDE_GRANT_PERIOD", $"The grant period is {grant.StartsOn:yyyy-MM-dd} to {grant.EndsOn:yyyy-MM-dd}; spending outside it is not the grant's.", "spentOn");
        if (districtId is { } id && grant.Partnership.Members.All(x => x.DistrictId != id))
            m.Violates(PartnershipRules.MemberRequired, $"That district is not a member of {grant.Partnership.Name}; spending is for members.", "districtId");
        var fundedBy = input.FundedBy ?? FundingSource.Grant;
        if (fundedBy == FundingSource.Grant && !m.Failed)
        {
            var ct = m.Field.CancellationToken;
            var spent = await GrantSpending(m, grant).SumAsync(e => e.Amount, ct);
            if (spent + input.Amount > grant.Amount)
                m.Violates("EXCEEDS_AWARD", $"{spent:N2} of {grant.Amount:N2} is spent already; at most {grant.Amount - spent:N2} more can be.", "amount");
            else if (grant.BudgetVersion == 0)
                m.Warns("NO_BUDGET", "The grant has no budget yet; adopt one with reviseGrantBudget so spending can be compared with it.", "grantId");
            else
            {
                // Against the member's own line when the spending is for a member, else against the category.
                var budgeted = await BudgetInForce(m, grant).Where(l => l.Category == input.Category && (districtId == null || l.DistrictId == districtId)).SumAsync(l => l.Amount, ct);
                var inLine = await GrantSpending(m, grant).Where(e => e.Category == input.Category && (districtId == null || e.DistrictId == districtId)).SumAsync(e => e.Amount, ct);
                if (inLine + input.Amount > budgeted)
                    m.Warns("OVER_BUDGET", $"{input.Category}{(districtId is null ? "" : " for that member")} would be {inLine + input.Amount:N2} spent against {budgeted:N2} budgeted.", "amount");
            }
        }
        if (m.Failed) return null;
        // The fiscal agent's own rules, and those of the member the spending is for: both are loaded with the grant, and the
        // change is built only when a plugin has a rule on it.
        var forDistrict = grant.Partnership.Members.FirstOrDefault(x => x.DistrictId == districtId)?.District.Code;
        Task<Plugins.PartnershipView>? partnershipView = null;
        Task<string>? funder = null;
        foreach (var code in new[] { grant.FiscalAgent.Code, forDistrict }.OfType<string>().Distinct())
            await m.CheckLocalRulesAsync(code, async _ => new Plugins.ProposedGrantSpending
            {
                DistrictCode = code, Partnership = await (partnershipView ??= m.PartnershipViewAsync(grant.PartnershipId)),
                Funder = await (funder ??= m.Db.Funders.IgnoreQueryFilters().Where(f => f.Id == grant.FunderId).Select(f => f.Name).FirstAsync(m.Field.CancellationToken)),
                AwardNumber = grant.AwardNumber, FiscalAgentCode = grant.FiscalAgent.Code, ForDistrictCode = forDistrict, SpentOn = input.SpentOn,
                Category = GraphQL.StringExtensions.ToConstantCase(input.Category.ToString()), Amount = input.Amount, Description = description, IsMatch = fundedBy == FundingSource.Match,
            });
        if (m.Failed) return null;
        var expenditure = new Expenditure
        {
            GrantId = grant.Id, SpentOn = input.SpentOn, Category = input.Category, Amount = input.Amount, DistrictId = districtId,
            Description = description, FundedBy = fundedBy, RecordedAt = m.Now,
        };
        m.Db.Expenditures.Add(expenditure);
        // Spending on one grant serializes, so two writers cannot together pass the award.
        m.Revise(grant, input.ExpectedRevision);
        return expenditure;
    }

    private static async Task<Expenditure?> ReverseExpenditureAsync(MutationContext<ReverseExpenditureInput> m)
    {
        var input = m.Input;
        var reason = m.Text(input.Reason, "reason", 200);
        var original = await m.Find<Expenditure>(input.ExpenditureId, "Expenditure", "expenditureId");
        if (original is null || reason is null || m.Failed) return null;
        var grant = await BooksAsync(m, GlobalId.Encode("Grant", original.GrantId), "expenditureId");
        if (grant is null) return null;
        if (original.ReversesId is not null)
            m.Violates("NOT_REVERSIBLE", "This entry is a reversal; record the spending again instead of reversing it.", "expenditureId");
        else if (await m.Db.Expenditures.IgnoreQueryFilters().AnyAsync(e => e.ReversesId == original.Id, m.Field.CancellationToken))
            m.Violates("ALREADY_REVERSED", "The expenditure was reversed already.", "expenditureId");
        if (m.Failed) return null;
        var reversal = new Expenditure
        {
            GrantId = original.GrantId, SpentOn = original.SpentOn, Category = original.Category, Amount = -original.Amount, DistrictId = original.DistrictId,
            FundedBy = original.FundedBy, RecordedAt = m.Now, ReversesId = original.Id,
            Description = $"Reversal: {reason}"[..Math.Min(400, $"Reversal: {reason}".Length)],
        };
        m.Db.Expenditures.Add(reversal);
        m.Revise(grant, input.ExpectedRevision);
        return reversal;
    }

    private static async Task<GrantReport?> SubmitReportAsync(MutationContext<SubmitGrantReportInput> m)
    {
        var input = m.Input;
        var submittedOn = input.SubmittedOn ?? m.Today;
        m.NotInFuture(submittedOn, "submittedOn");
        var report = await m.Find<GrantReport>(input.ReportId, "GrantReport", "reportId", q => q.Include(r => r.Grant).ThenInclude(g => g.FiscalAgent));
        if (report is null || m.Failed) return null;
        // A final report is often due after the books close: submitting it is allowed on a closed grant.
        if (!KeepsBooks(m, report.Grant.FiscalAgentId, report.Grant.FiscalAgent.Name, "reportId")) return null;
        if (report.SubmittedOn is { } submitted)
            m.Violates("ALREADY_SUBMITTED", $"{report.Title} was submitted on {submitted:yyyy-MM-dd}.", "reportId");
        if (m.Failed) return null;
        report.SubmittedOn = submittedOn;
        m.Revise(report, input.ExpectedRevision);
        return report;
    }
}
