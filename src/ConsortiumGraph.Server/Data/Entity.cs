namespace ConsortiumGraph.Data;

/// <summary>Every stored row has an integer key; GraphQL exposes it only inside an opaque global ID.</summary>
public abstract class Entity
{
    public int Id { get; set; }
}

/// <summary>
/// An entity that several callers edit (partnerships, agreements, decisions, commitments, indicator values). <see cref="Revision"/>
/// is an optimistic-concurrency token: an update whose revision is stale changes no row, and the
/// mutation answers with a conflict instead of silently overwriting another district's change.
/// </summary>
public abstract class RevisedEntity : Entity
{
    public int Revision { get; set; }

    /// <summary>Marks this row as changed by the current mutation, so its save checks the revision it was read at.</summary>
    public void Revise() => Revision++;
}
