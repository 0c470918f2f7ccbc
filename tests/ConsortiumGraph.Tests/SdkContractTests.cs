using System.Reflection;
using System.Text;
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

    /// <summary>Every public and protected type and member, one per line, sorted: what a plugin can compile against.</summary>
    private static string PublicApi(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct"
                : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : (type.IsAbstract && type.IsSealed) ? "static class"
                : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
            var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(Enum) && b != typeof(MulticastDelegate))
                .Concat(type.GetInterfaces()).Select(t => Name(t!)).ToList();
            text.Append(kind).Append(' ').Append(Name(type)).Append(bases.Count > 0 ? " : " + string.Join(", ", bases) : "").Append('\n');
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type)) text.Append("  ").Append(name).Append('\n');
                continue;
            }
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (var member in type.GetMembers(flags))
            {
                switch (member)
                {
                    case ConstructorInfo c when Visible(c):
                        members.Add($"ctor({Parameters(c)})");
                        break;
                    case MethodInfo m when Visible(m) && !m.IsSpecialName:
                        members.Add($"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{(m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(Name)) + ">" : "")}({Parameters(m)})");
                        break;
                    case PropertyInfo p when (p.GetMethod is { } g && Visible(g)):
                        var init = p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") == true;
                        var required = p.CustomAttributes.Any(a => a.AttributeType.Name == "RequiredMemberAttribute") ? "required " : "";
                        members.Add($"{required}{(p.GetMethod!.IsStatic ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ get;{(p.SetMethod is { } s && Visible(s) ? init ? " init;" : " set;" : "")} }}");
                        break;
                    case FieldInfo f when (f.IsPublic || f.IsFamily):
                        members.Add($"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}");
                        break;
                }
            }
            foreach (var member in members.Order(StringComparer.Ordinal)) text.Append("  ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type t) =>
        t.IsGenericType ? $"{t.Namespace}.{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.IsGenericParameter ? t.Name
        : t.IsArray ? Name(t.GetElementType()!) + "[]"
        : t.FullName ?? t.Name;
}
