using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;

namespace ConsortiumGraph.Data;

/// <summary>
/// The books of a generated grant (<see cref="ScaleData"/>): a budget as awarded (partnership-wide lines, and supplies
/// allocated to each member), spending every month of the period up to the data set's day, the members' match each
/// quarter, and a drawdown each quarter for what the quarter spent, received two weeks later. Amounts are whole cents,
/// so every total is exact on every provider.
/// </summary>
public static class GeneratedGrantBooks
{
    // Shares of the award, partnership-wide; what is left goes to supplies, split among the members.
    private static readonly (BudgetCategory Category, decimal Share, string Description)[] Shared =
    [
        (BudgetCategory.Personnel, 0.40m, "Project coordinator and teacher stipends"),
        (BudgetCategory.Benefits, 0.10m, "Benefits of the project's personnel"),
        (BudgetCategory.ContractedServices, 0.18m, "Coaching and evaluation services"),
        (BudgetCategory.Travel, 0.05m, "Cross-district meetings and site visits"),
        (BudgetCategory.Indirect, 0.04m, "Indirect costs at the fiscal agent's rate"),
    ];

    public static void Add(Grant grant, IReadOnlyList<District> members, DateOnly today, Random random, Action<object> add)
    {
        grant.MatchRequired = decimal.Round(grant.Amount * 0.10m, 0);
        var lines = Shared.Select(s => (s.Category, District: (District?)null, Amount: decimal.Round(grant.Amount * s.Share, 0), s.Description)).ToList();
        var supplies = grant.Amount - lines.Sum(l => l.Amount);
        for (var m = 0; m < members.Count; m++)
        {
            var share = m < members.Count - 1 ? decimal.Round(supplies / members.Count, 0) : supplies - decimal.Round(supplies / members.Count, 0) * (members.Count - 1);
            lines.Add((BudgetCategory.Supplies, members[m], share, "Materials and licenses"));
        }
        var adopted = grant.StartsOn.AddDays(14).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
        add(new GrantBudgetRevision { Grant = grant, Number = 1, RecordedAt = adopted, Reason = "Initial budget as awarded", Total = grant.Amount });
        foreach (var (category, district, amount, description) in lines)
            add(new GrantBudgetLine { Grant = grant, Revision = 1, Category = category, District = district, Amount = amount, Description = description });
        grant.BudgetVersion = 1;

        // Spending at about the pace of the period, some grants ahead of it and some behind.
        var pace = 0.6 + random.NextDouble() * 0.8;
        var months = Math.Max(1, (grant.EndsOn.DayNumber - grant.StartsOn.DayNumber) / 30);
        var quarterSpent = 0m;
        var quarter = 0;
        for (var month = 0; month < months; month++)
        {
            var end = grant.StartsOn.AddMonths(month + 1).AddDays(-1);
            if (end > today || end > grant.EndsOn) break;
            foreach (var (category, district, amount, description) in lines.OrderBy(_ => random.Next()).Take(random.Next(2, 5)))
            {
                var spent = decimal.Round(amount / months * (decimal)(pace * (0.5 + random.NextDouble())) * lines.Count / 3.5m, 2);
                if (spent <= 0) continue;
                add(new Expenditure
                {
                    Grant = grant, SpentOn = end.AddDays(-random.Next(0, 25)), Category = category, Amount = spent, District = district,
                    Description = description, FundedBy = FundingSource.Grant, RecordedAt = end.AddDays(3).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
                });
                quarterSpent += spent;
            }
            if (month % 3 != 2) continue;
            // The members' match, in kind: staff time given to the project.
            var giver = members[quarter % members.Count];
            add(new Expenditure
            {
                Grant = grant, SpentOn = end, Category = BudgetCategory.Personnel, Amount = decimal.Round(grant.MatchRequired / Math.Max(1, months / 3) * (decimal)(0.7 + random.NextDouble() * 0.6), 2),
                District = giver, Description = "Staff time given to the project", FundedBy = FundingSource.Match, RecordedAt = end.AddDays(3).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
            var received = end.AddDays(14);
            if (quarterSpent > 0)
                add(new Drawdown
                {
                    Grant = grant, RequestedOn = end, Amount = quarterSpent, Reference = $"DR-{grant.StartsOn:yyyyMM}-{quarter + 1:00}",
                    ReceivedOn = received <= today ? received : null, ReceivedAmount = received <= today ? quarterSpent : null,
                });
            quarter++;
            quarterSpent = 0;
        }
    }
}
