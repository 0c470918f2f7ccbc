using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.Tests;

/// <summary>Composition checks, one plugin problem at a time: the plugin is rejected with a reason naming it, the others composed.</summary>
public sealed class CompositionTests
{
    private static readonly IReadOnlyDictionary<string, int> Districts = new Dictionary<string, int> { ["5000310"] = 1, ["5000420"] = 2 };
    private static readonly CoreNames Core = new(new HashSet<string> { "District", "PartnershipMember", "Locale" },
        new Dictionary<string, IReadOnlySet<string>> { ["District"] = new HashSet<string> { "id", "name", "code" } });

    private sealed class Plugin(string key, Action<PluginBuilder> register, string[]? districts = null) : IDistrictPlugin
    {
        public PluginManifest Manifest { get; } = new() { Key = key, Districts = districts ?? ["5000310"], Version = "1.0.0", Description = "A test plugin." };
        public void Register(PluginBuilder plugin) => register(plugin);
    }

    private static LoadedPlugin Load(IDistrictPlugin plugin) =>
        LoadedPlugin.TryCreate(plugin, out var rejected) ?? throw new InvalidOperationException(rejected!.Reason);

    private static string Rejection(IDistrictPlugin broken)
    {
        var good = new Plugin("good", p => p.District.Stored("boardChair", LocalFieldType.String, "Chair."));
        var set = PluginComposer.Compose([Load(good), Load(broken)], [], [], Districts, Core);
        Assert.Equal(["good"], set.Plugins.Select(p => p.Key));
        var rejected = Assert.Single(set.Rejected);
        Assert.Equal(broken.Manifest.Key, rejected.Key);
        return rejected.Reason;
    }

    [Fact]
    public void Keys_must_be_camel_case_names_and_unique_ignoring_case()
    {
        Assert.Contains("is not a valid namespace", Rejection(new Plugin("Lakeport-Schools", _ => { })));
        Assert.Contains("is not a valid namespace", Rejection(new Plugin("_plugins", _ => { })));
        Assert.Contains("The key `gOOD` is already used by the plugin in ", Rejection(new Plugin("gOOD", _ => { })));
    }

    [Fact]
    public void District_codes_must_exist()
    {
        Assert.Contains("The district code `9999999` is not a district", Rejection(new Plugin("lakeport", _ => { }, ["9999999"])));
        Assert.Contains("names no district", Rejection(new Plugin("nowhere", _ => { }, [])));
    }

    [Fact]
    public void Field_names_must_be_valid_unique_and_not_shadow_core_fields()
    {
        Assert.Contains("collides with the core field District.name", Rejection(new Plugin("a", p => p.District.Stored("name", LocalFieldType.String, "Name."))));
        Assert.Contains("is not valid", Rejection(new Plugin("b", p => p.District.Stored("board-date", LocalFieldType.Date, "Date."))));
        Assert.Contains("is declared twice on District", Rejection(new Plugin("c", p => p.District.Stored("x", LocalFieldType.Int, "X.").Stored("x", LocalFieldType.Int, "X."))));
        Assert.Contains("has no description", Rejection(new Plugin("d", p => p.District.Stored("x", LocalFieldType.Int, " "))));
    }

    [Fact]
    public void Enums_need_valid_unique_values_and_names_that_do_not_collide()
    {
        Assert.Contains("is not UPPER_SNAKE_CASE", Rejection(new Plugin("a", p => p.District.Stored("unit", LocalFieldType.Enum("Unit", "teachers"), "Unit."))));
        Assert.Contains("lists a value twice", Rejection(new Plugin("b", p => p.District.Stored("unit", LocalFieldType.Enum("Unit", "A", "A"), "Unit."))));
        Assert.Contains("declared twice with different values", Rejection(new Plugin("c", p => p.District
            .Stored("unit", LocalFieldType.Enum("Unit", "A"), "Unit.").Stored("units", LocalFieldType.ListOf(LocalFieldType.Enum("Unit", "B")), "Units."))));
        // Key "partnership" with enum "Member" would be PartnershipMember, a core type.
        Assert.Contains("collides with a core type name", Rejection(new Plugin("partnership", p => p.District.Stored("role", LocalFieldType.Enum("Member", "A"), "Role."))));
        Assert.Contains("list of lists", Rejection(new Plugin("e", p => p.District.Stored("grid", LocalFieldType.ListOf(LocalFieldType.ListOf(LocalFieldType.Int)), "Grid."))));
    }

    [Fact]
    public void Rule_names_are_upper_snake_case_and_unique_per_mutation()
    {
        Assert.Contains("is not UPPER_SNAKE_CASE", Rejection(new Plugin("a", p => p.Rule<ProposedVote>("boardRatifies", "Ratify.", (_, _) => Violation.None))));
        Assert.Contains("declared twice on ProposedVote", Rejection(new Plugin("b", p => p
            .Rule<ProposedVote>("X", "X.", (_, _) => Violation.None).Rule<ProposedVote>("X", "X.", (_, _) => Violation.None))));
        var same = new Plugin("c", p => p.Rule<ProposedVote>("X", "X.", (_, _) => Violation.None).Rule<ProposedCommitment>("X", "X.", (_, _) => Violation.None));
        Assert.Empty(PluginComposer.Compose([Load(same)], [], [], Districts, Core).Rejected);
    }

    [Fact]
    public void A_plugin_that_throws_while_registering_is_rejected_with_its_error()
    {
        var loaded = LoadedPlugin.TryCreate(new Plugin("boom", _ => throw new FileNotFoundException("settings.json")), out var rejected);
        Assert.Null(loaded);
        Assert.Equal("boom", rejected!.Key);
        Assert.Contains("FileNotFoundException: settings.json", rejected.Reason);
    }

    [Fact]
    public void Sdk_versions_must_share_the_major_and_not_be_newer()
    {
        Assert.Null(ConsortiumGraph.Plugins.Runner.RunnerPlugin.SdkMismatch(new Version(1, 0, 0, 0)));
        Assert.Contains("rebuild it against SDK 1.x", ConsortiumGraph.Plugins.Runner.RunnerPlugin.SdkMismatch(new Version(0, 9, 0, 0)));
        Assert.Contains("rebuild it against SDK 1.x", ConsortiumGraph.Plugins.Runner.RunnerPlugin.SdkMismatch(new Version(2, 0, 0, 0)));
        Assert.Contains("newer than this server's SDK", ConsortiumGraph.Plugins.Runner.RunnerPlugin.SdkMismatch(new Version(1, 5, 0, 0)));
    }
}
