using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A network of schools in a consortium that improve together. Its admins.")]
public sealed class CreateLeagueInput
{
    [Description("The consortium the League belongs to.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("Its name, unique in the consortium, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("The commitment every member school makes in its letter of commitment, at most 4000 characters.")]
    public required string Commitment { get; init; }
}
