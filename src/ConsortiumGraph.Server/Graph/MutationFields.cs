using ConsortiumGraph.Data;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Graph;

public static class MutationFields
{
    /// <summary>
    /// Adds a mutation with one <c>input</c> argument (<see cref="InputType{TInput}"/> of the input record), a <c>dryRun</c> argument, and a payload naming the
    /// changed entity (<c>CommitmentPayload { commitment errors warnings }</c>). The handler validates,
    /// changes tracked entities and returns the entity to answer with; when it recorded errors nothing is
    /// saved, and a concurrent change surfaces as a <see cref="ConflictError"/>. Returns the field's
    /// builder, so a caller restricts it like any field (<c>.AuthorizeWithRoles(Readers.Admins)</c>).
    /// </summary>
    public static FieldBuilder<object?, object> Mutation<TInput, TNodeType, T>(
        this ObjectGraphType mutation, string name, string description, Func<MutationContext<TInput>, Task<T?>> handle)
        where TNodeType : IGraphType =>
        mutation.Mutation<TInput, T>(typeof(EntityPayloadType<TNodeType, T>), name, description, handle);

    /// <summary>The same, with a payload type of its own (a <see cref="PayloadType{TNodeType, T}"/> whose value field has another name or type).</summary>
    public static FieldBuilder<object?, object> Mutation<TInput, T>(
        this ObjectGraphType mutation, Type payloadType, string name, string description, Func<MutationContext<TInput>, Task<T?>> handle) =>
        mutation.Field(name, typeof(NonNullGraphType<>).MakeGenericType(payloadType))
            .Description(description)
            .Argument<NonNullGraphType<InputType<TInput>>>("input")
            .DryRunArgument()
            .ResolveAsync(async context => await RunAsync(context, handle));

    /// <summary>Every mutation can be checked without saving, so a front end can show violations before the user commits.</summary>
    public static FieldBuilder<object?, TReturn> DryRunArgument<TReturn>(this FieldBuilder<object?, TReturn> field) =>
        field.Argument<NonNullGraphType<BooleanGraphType>>("dryRun", "Check the change against every consortium and plugin rule, save nothing, and return the errors and warnings it would get.",
            a => a.DefaultValue = false);

    /// <summary>
    /// A stale revision, or a unique key another request just took (a second vote, a second signature); or the database
    /// ended the transaction as a loser of a deadlock or serialization conflict, which EF Core reports as a transient
    /// failure wrapped in an InvalidOperationException: around the DbException itself when a query hit it, around the
    /// DbUpdateException when SaveChanges did. Either way nothing was saved, and the caller may retry.
    /// </summary>
    public static bool LostRace(Exception e) => e is DbUpdateException
        || e is InvalidOperationException { InnerException: DbUpdateException or System.Data.Common.DbException { IsTransient: true } };

    public static async Task<Payload<T>> RunAsync<TInput, T>(IResolveFieldContext context, Func<MutationContext<TInput>, Task<T?>> handle)
    {
        var services = context.RequestServices!;
        var ct = context.CancellationToken;
        var caller = await services.GetRequiredService<Access.RequestCaller>().GetAsync(ct);
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(ct);
        caller.Apply(db);
        var clock = services.GetRequiredService<TimeProvider>();
        var run = new MutationContext<TInput>(context.GetArgument<TInput>("input"), db, context, clock, caller);
        try
        {
            var value = await handle(run);
            if (!run.Failed && value is not null) await Consortia.ArchivedConsortia.CheckAsync(run, value);
            if (run.Failed) return new Payload<T>(default, run.Errors, run.Warnings);
            if (context.GetArgument<bool>("dryRun")) return new Payload<T>(default, [], run.Warnings);

            // The change and its audit trail are saved together, or not at all.
            var operation = context.Operation.Name is { } name ? $"{context.FieldDefinition.Name} in {name.StringValue}" : context.FieldDefinition.Name;
            var audited = await Access.AuditEntry.SaveAuditedAsync(db, caller, operation, run.Now, run.AfterSave, () => Access.AuditScope.OfAsync(db, value), ct);
            // Only now: subscribers never hear of a change that was rolled back.
            services.GetRequiredService<Events.EventHub>().Publish([.. audited.Select(a => a.Entry)]);
            foreach (var step in run.AfterCommit) await step();
            return new Payload<T>(value, [], run.Warnings);
        }
        catch (Exception e) when (LostRace(e))
        {
            services.GetRequiredService<ILogger<MutationContext<TInput>>>().LogInformation(e, "Mutation {Mutation} lost a race", context.FieldDefinition.Name);
            return new Payload<T>(default, [new ConflictError(
                "Another request changed the same data after it was read, so nothing was saved. Read it again and retry.", "CONFLICT", null)], []);
        }
    }
}
