namespace ConsortiumGraph.Reporting;

/// <summary>
/// What a partnership (or a whole consortium) delivered over a period. Counts are kept raw
/// (on-time numerator and denominator, days to decision and decisions) so impacts add up across partnerships.
/// </summary>
public sealed record Impact(int StudentSeats, int StudentsInMemberDistricts, decimal Savings, double StaffFte, IReadOnlyList<StatusCount> CommitmentsByStatus,
    int DoneOnTime, int DoneWithDueDate, int DecisionsTaken, double DaysToDecision, IReadOnlyList<GrantTotal> Grants, IReadOnlyList<Purchasing.MemberSavings> SavingsByMember)
{
    public static readonly Impact None = new(0, 0, 0, 0, [], 0, 0, 0, 0, [], []);

    public double? OnTimeRate => DoneWithDueDate == 0 ? null : Math.Round((double)DoneOnTime / DoneWithDueDate, 3);
    public double? AverageDaysToDecision => DecisionsTaken == 0 ? null : Math.Round(DaysToDecision / DecisionsTaken, 1);
}
