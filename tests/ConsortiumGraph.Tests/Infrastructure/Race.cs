using System.Text.Json;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>Writers released at once against the same rows: what the concurrency tests of every mutation run.</summary>
public static class Race
{
    /// <summary>
    /// Runs <paramref name="count"/> attempts at once (each a mutation payload) and answers how each ended: "OK", or the code of
    /// its first error. A CONFLICT (a lost race; nothing was saved) is retried, as a client would, unless <paramref name="retryConflicts"/> is off.
    /// </summary>
    public static async Task<string[]> RunAsync(int count, Func<int, Task<JsonElement>> attempt, bool retryConflicts = true)
    {
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            while (true)
            {
                var payload = await attempt(i);
                if (payload.GetProperty("errors").GetArrayLength() == 0) return "OK";
                var code = payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
                if (!retryConflicts || code != "CONFLICT") return code;
            }
        })).ToList();
        start.Release(count);
        return await Task.WhenAll(writers);
    }
}
