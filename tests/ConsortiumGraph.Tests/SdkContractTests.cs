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
