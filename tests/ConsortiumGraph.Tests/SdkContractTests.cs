using System.Reflection;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The plugin SDK is a public API districts build on: its surface is approved as committed text, so
/// every change to it is a visible, deliberate diff (and a breaking one calls for a new major version).
/// </summary>
public sealed class SdkContractTests
{
    private static readonly Assembly Sdk = typeof(IDistrictPlugin).Assembly;

    [Fact]
    public void The_public_api_matches_the_approved_text()
    {
        var file = Repository.File("src", "ConsortiumGraph.Plugins.Sdk", "PublicApi.approved.txt");
        var actual = PublicApi(Sdk);
        if (Environment.GetEnvironmentVariable(SchemaTests.UpdateVariable) == "1")
        {
            File.WriteAllText(file, actual);
            return;
        }
        Assert.True(File.Exists(file), $"{file} is missing. Write it with: {SchemaTests.UpdateVariable}=1 dotnet test --filter SdkContractTests");
        Assert.True(File.ReadAllText(file).ReplaceLineEndings("\n") == actual,
            $"The SDK's public API changed. If that is deliberate, refresh {file} with {SchemaTests.UpdateVariable}=1 dotnet test --filter SdkContractTests, "
            + "review the diff, and raise the SDK's major version if the change breaks plugins built against it.");
    }

    [Fact]
    public void The_sdk_version_is_the_one_the_host_checks()
    {
        Assert.Equal(1, PluginSdk.Version.Major);
        Assert.Equal("ConsortiumGraph.Plugins.Sdk", PluginSdk.AssemblyName);
        // No dependency but the BCL: nothing a plugin could load twice, and no EF Core to pin a load context.
        Assert.All(Sdk.GetReferencedAssemblies(), a => Assert.StartsWith("System.", a.Name));
    }

    [Theory]
    [InlineData(typeof(Locale), typeof(Districts.Locale))]
    [InlineData(typeof(PartnershipKind), typeof(Partnerships.PartnershipKind))]
    [InlineData(typeof(PartnershipStatus), typeof(Partnerships.PartnershipStatus))]
    [InlineData(typeof(MemberRole), typeof(Partnerships.MemberRole))]
    [InlineData(typeof(CommitmentStatus), typeof(Commitments.CommitmentStatus))]
    [InlineData(typeof(VoteChoice), typeof(Decisions.VoteChoice))]
    public void Sdk_enums_name_every_core_value(Type sdk, Type core) =>
        Assert.Equal(Enum.GetNames(core), Enum.GetNames(sdk));

    /// <summary>The SDK's documentation of a shared enum is the schema's description of it, word for word, so plugin authors read what front ends read.</summary>
    [Theory]
    [InlineData(typeof(Locale), typeof(Districts.Locale))]
    [InlineData(typeof(PartnershipKind), typeof(Partnerships.PartnershipKind))]
    [InlineData(typeof(PartnershipStatus), typeof(Partnerships.PartnershipStatus))]
    [InlineData(typeof(MemberRole), typeof(Partnerships.MemberRole))]
    [InlineData(typeof(CommitmentStatus), typeof(Commitments.CommitmentStatus))]
    [InlineData(typeof(VoteChoice), typeof(Decisions.VoteChoice))]
    public void Sdk_enums_are_documented_as_the_schema_describes_them(Type sdk, Type core)
    {
        var docs = System.Xml.Linq.XDocument.Load(Path.ChangeExtension(Sdk.Location, ".xml")).Descendants("member").Where(m => m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value, m => string.Join(" ", m.Element("summary")!.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        static string Described(System.Reflection.MemberInfo member) =>
            member.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false).Cast<System.ComponentModel.DescriptionAttribute>().Single().Description;
        Assert.Equal(Described(core), docs[$"T:{sdk.FullName}"]);
        foreach (var name in Enum.GetNames(core))
            Assert.Equal(Described(core.GetField(name)!), docs[$"F:{sdk.FullName}.{name}"]);
    }

    /// <summary>
    /// Every public and protected type and member as C# declarations (PublicApiGenerator), nullable
    /// annotations included: <c>string?</c> against <c>string</c> is part of the contract plugins build on.
    /// </summary>
    private static string PublicApi(Assembly assembly) =>
        PublicApiGenerator.ApiGenerator.GeneratePublicApi(assembly, new PublicApiGenerator.ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"],
        }).ReplaceLineEndings("\n");
}

/// <summary>
/// The compatibility promise of a minor version: a plugin built against SDK 1.0.0 (its frozen source in
/// tests/TestPlugins/Sdk10) loads on this server, and its fields and rules run against today's SDK.
/// </summary>
public sealed class SdkCompatibilityTests
{
    [Fact]
    public async Task A_plugin_built_against_sdk_1_0_loads_computes_and_enforces_on_this_server()
    {
        await using var host = new ConsortiumGraph.Plugins.Testing.PluginTestHost { PluginsPath = ConsortiumServer.BuiltPlugins("sdk10-plugins") };
        var plugin = (await host.QueryAsync("{ plugins { key state sdkVersion reason } }")).GetProperty("plugins").EnumerateArray().Single();
        Assert.Equal(("classic", "SERVING", "1.0.0"), (plugin.GetProperty("key").GetString(), plugin.GetProperty("state").GetString(), plugin.GetProperty("sdkVersion").GetString()));
        Assert.True(PluginSdk.Version > new Version(1, 0, 0), "this server's SDK is newer than the plugin's");

        var admin = host.TokenFor("consortium-admin", consortia: [Graph.GlobalId.Encode("Consortium", 1)]);
        var partnerships = (await host.QueryAsync("""{ district(code: "3300710") { partnerships(first: 20) { nodes { id status members { roles district { code } } local { classic { leadCode } } } } } }""", token: admin))
            .GetProperty("district").GetProperty("partnerships").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(partnerships);
        foreach (var p in partnerships)
        {
            var lead = p.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "LEAD"));
            Assert.Equal(lead.GetProperty("district").GetProperty("code").GetString(), p.GetProperty("local").GetProperty("classic").GetProperty("leadCode").GetString());
        }

        var open = partnerships.First(p => p.GetProperty("status").GetString() is "PROPOSED" or "ACTIVE").GetProperty("id").GetString();
        var payload = (await host.QueryAsync("""mutation($p: ID!, $d: ID!) { createCommitment(dryRun: true, input: { partnershipId: $p, districtId: $d, title: "Unfunded" }) { errors { code ... on RuleViolation { plugin } } } }""",
            new { p = open, d = await host.DistrictIdAsync("3300710") }, admin)).GetProperty("createCommitment");
        var error = payload.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(("NO_UNFUNDED_PROMISES", "classic"), (error.GetProperty("code").GetString(), error.GetProperty("plugin").GetString()));
    }
}
