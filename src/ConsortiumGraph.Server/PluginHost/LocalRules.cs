using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>Runs district plugins' rules inside the core mutations.</summary>
public static class LocalRules
{
    /// <summary>
    /// Runs the rules on <typeparamref name="TChange"/> of every plugin that speaks for <paramref name="districtCode"/>
    /// (or only <paramref name="onlyPlugin"/>'s), once the consortium's own checks have passed. The change is built
    /// per plugin, and only when a rule applies, so a mutation no plugin cares about reads nothing more.
    /// A rule that throws blocks the change with PLUGIN_FAILED: a broken plugin never lets through what it should check.
    /// </summary>
    public static async Task CheckLocalRulesAsync<TInput, TChange>(this MutationContext<TInput> m, string districtCode,
        Func<ComposedPlugin, Task<TChange>> propose, string? onlyPlugin = null) where TChange : ProposedChange
    {
        if (m.Failed) return;
        foreach (var plugin in m.Plugins.SpeakingFor(districtCode).Where(p => onlyPlugin is null || p.Key == onlyPlugin))
        {
            var rules = plugin.Rules.Where(r => r.ChangeType == typeof(TChange)).ToList();
            if (rules.Count == 0) continue;
            var change = await propose(plugin);
            var services = m.Field.RequestServices!;
            var context = new RuleContext(services.GetRequiredService<ConsortiumData>().For(plugin), m.Today, districtCode, m.Field.CancellationToken);
            // Every rule of the plugin is asked at once (one crossing each, overlapping); their answers are read in declaration order.
            var checks = rules.Select(rule => (rule, check: Task.Run(() => rule.Check(change, context)))).ToList();
            foreach (var (rule, check) in checks)
            {
                try
                {
                    foreach (var violation in await check ?? [])
                        m.Violates(plugin.Key, rule.Name, violation.Message, violation.Severity == RuleSeverity.Blocking, violation.Field);
                }
                catch (PluginTimeoutException e)
                {
                    services.GetRequiredService<ILogger<ComposedPlugin>>().LogError(e, "Rule {Rule} of plugin {Plugin} timed out", rule.Name, plugin.Key);
                    m.Violates(plugin.Key, PluginFailedException.TimedOut,
                        $"The `{plugin.Key}` plugin's rule {rule.Name} took longer than its time budget, so the change cannot be checked and nothing was saved. The error was logged.", true, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    services.GetRequiredService<ILogger<ComposedPlugin>>().LogError(e, "Rule {Rule} of plugin {Plugin} failed", rule.Name, plugin.Key);
                    m.Violates(plugin.Key, PluginFailedException.Failed,
                        $"The `{plugin.Key}` plugin's rule {rule.Name} failed, so the change cannot be checked and nothing was saved. The error was logged.", true, null);
                }
            }
        }
    }
}
