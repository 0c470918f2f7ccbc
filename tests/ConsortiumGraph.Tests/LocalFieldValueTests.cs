using System.Text.Json;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Testing;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>Stored local fields of every kind take only values of their declared type: anything else is INVALID_VALUE, and nothing is stored.</summary>
public sealed class LocalFieldValueTests
{
    private sealed class EveryKindPlugin : IDistrictPlugin
    {
        public PluginManifest Manifest { get; } = new() { Key = "everyKind", Districts = ["5000310"], Version = "1.0.0", Description = "One stored field of each kind." };

        public void Register(PluginBuilder plugin) => plugin.District
            .Stored("label", LocalFieldType.String, "Text.")
            .Stored("seats", LocalFieldType.Int, "A whole number.")
            .Stored("budget", LocalFieldType.Decimal, "A decimal.")
            .Stored("approved", LocalFieldType.Boolean, "A flag.")
            .Stored("nextBoardMeeting", LocalFieldType.Date, "A date.")
            .Stored("unit", LocalFieldType.Enum("Unit", "TEACHERS", "PARAEDUCATORS"), "An enum.")
            .Stored("periods", LocalFieldType.ListOf(LocalFieldType.Int), "A list of whole numbers.");
    }

    public static readonly TheoryData<string, object> Invalid = new()
    {
        { "label", 7 },
        { "label", new string('x', 4001) },
        { "seats", 2.5 },
        { "seats", "twelve" },
        { "seats", 3_000_000_000 },
        { "budget", "a lot" },
        { "budget", true },
        { "approved", "yes" },
        { "nextBoardMeeting", "whenever the board meets" },
        { "nextBoardMeeting", "2026-02-30" },
        { "nextBoardMeeting", "12/01/2026" },
        { "unit", "JANITORS" },
        { "unit", "teachers" },
        { "periods", new object?[] { 1, "two" } },
        { "periods", new object?[] { 1, null } },
        { "periods", 5.5 },
        { "periods", Enumerable.Range(0, 101).ToArray() },
    };

    [Fact]
    public async Task Values_of_the_wrong_kind_are_refused_and_nothing_is_stored()
    {
        await using var host = new PluginTestHost(new EveryKindPlugin());
        var riverside = await host.DistrictIdAsync("5000310");
        async Task<JsonElement> Set(object values) => (await host.QueryAsync(
            $"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ {Errors} }} }}",
            new { input = new { id = riverside, plugin = "everyKind", values } })).GetProperty("setLocalFields");
        async Task<List<string>> Stored()
        {
            await using var db = host.OpenDatabase();
            return await db.LocalFieldValues.Where(v => v.Plugin == "everyKind").OrderBy(v => v.Field).Select(v => v.Field + "=" + v.Value).ToListAsync();
        }

        foreach (var row in Invalid)
        {
            var (field, value) = ((string)row[0], row[1]);
            var payload = await Set(new Dictionary<string, object?> { [field] = value, ["label"] = field == "label" ? value : "kept only if all are valid" });
            AssertError(payload, "ValidationError", "INVALID_VALUE", "input", "values", field);
            Assert.True((await Stored()).Count == 0, $"{field} = {JsonSerializer.Serialize(value)} stored something");
        }

        // The same fields take values of their kind.
        AssertOk(await Set(new Dictionary<string, object?>
        {
            ["label"] = "ok", ["seats"] = 12, ["budget"] = 1234.56m, ["approved"] = true, ["nextBoardMeeting"] = "2026-12-14", ["unit"] = "TEACHERS", ["periods"] = new[] { 1, 2 },
        }));
        Assert.Equal(7, (await Stored()).Count);
    }
}
