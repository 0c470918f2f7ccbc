namespace ConsortiumGraph.Reporting;

/// <summary>The parts of an impact, each read by its own statement; a request reads only the parts it selects.</summary>
[Flags]
public enum ImpactParts
{
    None = 0,
    /// <summary>commitmentsByStatus, studentSeats, staffFte: one GROUP BY of commitments.</summary>
    Commitments = 1,
    /// <summary>onTimeRate: done commitments with the day they were reported done.</summary>
    OnTime = 2,
    /// <summary>studentsInMemberDistricts.</summary>
    Students = 4,
    /// <summary>savings, from purchase lines.</summary>
    Savings = 8,
    /// <summary>decisionsTaken, averageDaysToDecision.</summary>
    Decisions = 16,
    /// <summary>grants.</summary>
    Grants = 32,
    All = Commitments | OnTime | Students | Savings | Decisions | Grants,
}
