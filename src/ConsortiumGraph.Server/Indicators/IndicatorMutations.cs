using System.Text.RegularExpressions;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Indicators;

public static partial class IndicatorMutations
{
    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$")] private static partial Regex CodePattern();

    public static void AddIndicatorMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ReportIndicatorValuesInput, List<IndicatorValue>>(typeof(IndicatorReportPayloadType), "reportIndicatorValues",
            "Reports a district's values of the consortium's indicators for one period; re-reporting replaces a value and keeps the old one.", ReportAsync);
        mutation.Mutation<DefineIndicatorInput, IndicatorType, Indicator>("defineIndicator",
            "Defines (or redefines) one of a consortium's standard indicators. Consortium admins only.", DefineAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<SetDataSharingConsentInput, DataSharingConsent>(typeof(DataSharingConsentPayloadType), "setDataSharingConsent",
            "Sets whether a district shows one of its indicators to funders. Withheld values are absent from funder reports, which say so.", ConsentAsync);
    }

    /// <summary>
    /// The indicator with this code in one of the district's consortia, or of the consortia whose Leagues the school is in
    /// (<paramref name="leagueConsortia"/>); records UNKNOWN_INDICATOR otherwise.
    /// </summary>
    private static async Task<Indicator?> IndicatorOf<TInput>(MutationContext<TInput> m, District district, string code, string inputField, IReadOnlyCollection<int>? leagueConsortia = null)
    {
        leagueConsortia ??= [];
        var indicator = await m.Db.Indicators.Include(i => i.Consents.Where(c => c.DistrictId == district.Id))
            .FirstOrDefaultAsync(i => i.Code == code && (i.Consortium.Memberships.Any(cm => cm.DistrictId == district.Id) || leagueConsortia.Contains(i.ConsortiumId)),
                m.Field.CancellationToken);
        if (indicator is null)
            m.Invalid("UNKNOWN_INDICATOR", leagueConsortia.Count == 0
                ? $"No consortium of {district.Name} defines the indicator `{code}`."
                : $"Neither a consortium of {district.Name} nor one whose League the school is in defines the indicator `{code}`.", inputField);
        return indicator;
    }

    private static async Task<List<IndicatorValue>?> ReportAsync(MutationContext<ReportIndicatorValuesInput> m)
    {
        var input = m.Input;
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var school = input.SchoolId is null ? null : await m.Find<Schools.School>(input.SchoolId, "School", "schoolId");
        Calendars.SchoolPeriod.Check(m, input.Period, "period");
        // The most a report may hold is checked before execution (ListLimitRule, TOO_MANY_ITEMS).
        if (input.Values.Count == 0) m.Invalid("OUT_OF_RANGE", "Report at least one value.", "values");
        if (district is null || m.Failed) return null;
        if (school is not null && school.DistrictId != district.Id)
        {
            m.Invalid("NOT_IN_DISTRICT", $"{school.Name} is not a school of {district.Name}.", "schoolId");
            return null;
        }
        // A League school outside the member districts (a charter, a career-technical center) reports to the League's consortium, through its admins.
        IReadOnlyCollection<int> leagueConsortia = school is null ? [] : await m.Db.LeagueMemberships
            .Where(x => x.SchoolId == school.Id && x.JoinedOn != null && x.LeftOn == null).Select(x => x.League.ConsortiumId).Distinct().ToListAsync(m.Field.CancellationToken);
        if (!(m.Caller.IsAdmin && leagueConsortia.Any(m.Caller.Consortia.Contains)) && !m.ActingFor(district.Id, district.Name, "districtId")) return null;

        var stored = new List<IndicatorValue>();
        foreach (var (entry, i) in input.Values.Select((v, i) => (v, i)))
        {
            var path = $"values.{i}";
            var indicator = await IndicatorOf(m, district, entry.Indicator, $"{path}.indicator", leagueConsortia);
            if (indicator is null) continue;
            if (indicator.Level == IndicatorLevel.School && school is null)
            {
                m.Invalid("WRONG_LEVEL", $"`{indicator.Code}` is a school indicator: give the school (`schoolId`) its values are about.", $"{path}.indicator");
                continue;
            }
            if (indicator.Level == IndicatorLevel.District && school is not null)
            {
                m.Invalid("WRONG_LEVEL", $"`{indicator.Code}` is a district indicator: report it for {district.Name} without `schoolId`.", $"{path}.indicator");
                continue;
            }
            if (stored.Any(s => s.IndicatorId == indicator.Id))
            {
                m.Invalid("DUPLICATE_INDICATOR", $"`{entry.Indicator}` is reported twice.", $"{path}.indicator");
                continue;
            }
            if (school is not null && entry.FromLocalField is not null)
            {
                m.Invalid("NOT_FOR_SCHOOLS", "`fromLocalField` reads a district plugin's field of the district; give a school's value directly.", $"{path}.fromLocalField");
                continue;
            }
            var value = entry.FromLocalField is { } source ? await FromLocalFieldAsync(m, district, source, $"{path}.fromLocalField") : entry.Value;
            if (entry.FromLocalField is not null && entry.Value is not null)
                m.Invalid("AMBIGUOUS_VALUE", "Give `value` or `fromLocalField`, not both.", $"{path}.value");
            else if (value is null)
            {
                if (entry.FromLocalField is null) m.Invalid("REQUIRED", "Give `value`, or `fromLocalField` to take it from a district plugin.", $"{path}.value");
                continue;
            }
            else if (!double.IsFinite(value.Value) || value < 0 || (indicator.Unit == "percent" && value > 100) || value > 1e12)
                m.Invalid("OUT_OF_RANGE", indicator.Unit == "percent" ? $"`{indicator.Code}` is a percent: between 0 and 100." : $"`{indicator.Code}` must not be negative.", $"{path}.value");
            if (entry.StudentCount is < 0 or > 10_000_000)
                m.Invalid("OUT_OF_RANGE", "`studentCount` must be between 0 and 10,000,000.", $"{path}.studentCount");
            if (m.Failed) continue;

            var existing = await m.Db.IndicatorValues.Include(v => v.Revisions).Include(v => v.Indicator)
                .FirstOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.DistrictId == district.Id && v.SchoolId == (school == null ? null : school.Id) && v.Period == input.Period,
                    m.Field.CancellationToken);
            if (existing is null)
            {
                existing = new IndicatorValue { Indicator = indicator, DistrictId = district.Id, School = school, Period = input.Period!, Value = value!.Value, StudentCount = entry.StudentCount, ReportedAt = m.Now };
                m.Db.IndicatorValues.Add(existing);
            }
            else
            {
                existing.Revisions.Add(new IndicatorValueRevision
                {
                    Value = existing.Value, StudentCount = existing.StudentCount, ReportedAt = existing.ReportedAt, ReplacedAt = m.Now,
                });
                (existing.Value, existing.StudentCount, existing.ReportedAt) = (value!.Value, entry.StudentCount, m.Now);
                // The save is conditional on the revision read here: of two concurrent re-reports, one
                // gets CONFLICT instead of both replacing the same value (which lost one from the history).
                existing.Revise();
            }
            stored.Add(existing);
        }
        return m.Failed ? null : stored;
    }

    /// <summary>A district plugin's number on the district: stored, or computed by the plugin from its own data system's measures.</summary>
    private static async Task<double?> FromLocalFieldAsync(MutationContext<ReportIndicatorValuesInput> m, District district, LocalFieldSourceInput source, string path)
    {
        var plugin = m.Plugins.Find(source.Plugin);
        var field = plugin?.Fields[ExtensibleEntity.District].FirstOrDefault(f => f.Name == source.Field);
        if (plugin is null || field is null || field.Definition.Type.Kind is not (Plugins.LocalValueKind.Decimal or Plugins.LocalValueKind.Int))
        {
            m.Invalid("UNKNOWN_FIELD", $"No loaded plugin `{source.Plugin}` has a number field `{source.Field}` on District.", path);
            return null;
        }
        if (!plugin.DistrictIds.Contains(district.Id))
        {
            m.Violates("OUT_OF_PLUGIN_SCOPE", $"The `{plugin.Key}` plugin does not speak for {district.Name}.", path);
            return null;
        }
        var stored = (await LocalFieldStore.ReadAsync(m.Db, plugin, ExtensibleEntity.District, [district.Id], m.Field.CancellationToken)).GetValueOrDefault(district.Id, Plugins.LocalValues.Empty);
        object? value;
        if (field.Compute is null)
            value = stored.TryGetValue(field.Name, out var v) ? v : null;
        else
        {
            try
            {
                var context = new Plugins.PluginContext(m.Field.RequestServices!.GetRequiredService<ConsortiumData>().For(plugin), m.Today, m.Field.CancellationToken);
                value = (await field.ComputeAsync([PluginViews.District(district)], [stored], context))[0];
            }
            catch (PluginFailedException e)
            {
                m.Field.RequestServices!.GetRequiredService<ILogger<PluginFailedException>>().LogError(e, "Plugin {Plugin} failed to compute District.{Field}", plugin.Key, field.Name);
                m.Violates(plugin.Key, e.Code, e.Code == PluginFailedException.TimedOut
                    ? $"The `{plugin.Key}` plugin took longer than its time budget to compute `{field.Name}`; nothing was saved. The error was logged."
                    : $"The `{plugin.Key}` plugin failed to compute `{field.Name}`; nothing was saved. The error was logged.", true, path);
                return null;
            }
        }
        if (value is null) m.Invalid("NO_VALUE", $"`{plugin.Key}.{field.Name}` has no value for {district.Name} (its inputs are not recorded).", path);
        return value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Indicator?> DefineAsync(MutationContext<DefineIndicatorInput> m)
    {
        var input = m.Input;
        var consortium = await m.Find<Consortia.Consortium>(input.ConsortiumId, "Consortium", "consortiumId");
        if (!CodePattern().IsMatch(input.Code ?? "")) m.Invalid("INVALID_CODE", "`code` is UPPER_SNAKE_CASE letters, digits and underscores, at most 64.", "code");
        var name = m.Text(input.Name, "name", 200);
        var unit = m.Text(input.Unit, "unit", 32);
        if (input.MinimumGroupSize is < 1 or > 100_000) m.Invalid("OUT_OF_RANGE", "`minimumGroupSize` must be between 1 and 100,000.", "minimumGroupSize");
        if (consortium is null || name is null || unit is null || m.Failed) return null;
        if (!m.Caller.IsAdmin || !m.Caller.Consortia.Contains(consortium.Id))
        {
            m.ActingFor(0, consortium.Name, "consortiumId");
            return null;
        }
        var indicator = await m.Db.Indicators.FirstOrDefaultAsync(i => i.ConsortiumId == consortium.Id && i.Code == input.Code, m.Field.CancellationToken);
        if (indicator is null) m.Db.Indicators.Add(indicator = new Indicator { ConsortiumId = consortium.Id, Code = input.Code!, Name = name, Unit = unit, Level = input.Level });
        else if (indicator.Level != input.Level && await m.Db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicator.Id, m.Field.CancellationToken))
        {
            m.Violates("LEVEL_FIXED", $"`{indicator.Code}` has {indicator.Level.ToString().ToLowerInvariant()} values reported: its level stays; define a new indicator for {input.Level.ToString().ToLowerInvariant()} values.", "level");
            return null;
        }
        (indicator.Name, indicator.Unit, indicator.Aggregation, indicator.MinimumGroupSize, indicator.Level) = (name, unit, input.Aggregation, input.MinimumGroupSize, input.Level);
        return indicator;
    }

    private static async Task<DataSharingConsent?> ConsentAsync(MutationContext<SetDataSharingConsentInput> m)
    {
        var district = await m.Find<District>(m.Input.DistrictId, "District", "districtId");
        if (district is null || !m.ActingFor(district.Id, district.Name, "districtId")) return null;
        if (await IndicatorOf(m, district, m.Input.Indicator, "indicator") is not { } indicator) return null;
        // The indicator was read with this district's consent, if any.
        var consent = indicator.Consents.FirstOrDefault();
        if (consent is null) indicator.Consents.Add(consent = new DataSharingConsent { Indicator = indicator, DistrictId = district.Id });
        consent.SharedWithFunders = m.Input.SharedWithFunders;
        consent.UpdatedAt = m.Now;
        return consent;
    }
}
