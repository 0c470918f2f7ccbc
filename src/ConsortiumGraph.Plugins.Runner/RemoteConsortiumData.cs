using System.Text.Json;
using ConsortiumGraph.Plugins.Runner.Protocol;

namespace ConsortiumGraph.Plugins.Runner;

/// <summary>
/// <see cref="IConsortiumData"/> in the runner: each call goes to the server, which answers it under the
/// plugin's own scope, as part of the server's call <paramref name="parent"/> that the plugin code serves.
/// </summary>
public sealed class RemoteConsortiumData(RunnerChannel channel, long parent) : IConsortiumData
{
    public async Task<IReadOnlyList<DistrictView>> DistrictsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        (await channel.CallAsync(Wire.Districts, new DistrictsCall([.. codes]), parent, cancellationToken: cancellationToken)).Deserialize<List<DistrictView>>(Wire.Options)!;

    public async Task<IReadOnlyList<CalendarDayView>> CalendarAsync(string districtCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        (await channel.CallAsync(Wire.Calendar, new CalendarCall(districtCode, from, to), parent, cancellationToken: cancellationToken)).Deserialize<List<CalendarDayView>>(Wire.Options)!;
}
