using GraphQL.DataLoader;

namespace ConsortiumGraph.Graph;

/// <summary>
/// Collects the keys that resolvers ask for during one execution step and fetches them in one call
/// when the first result is awaited. GraphQL.NET's execution strategy awaits data-loader results only
/// after it has visited every field of a level, so a list of N parents costs one fetch, not N.
/// Values are cached for the rest of the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _batchOfKey = new();
    private HashSet<TKey>? _pendingKeys;
    private TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>? _pendingBatch;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                if (_pendingBatch is null)
                {
                    _pendingKeys = [];
                    _pendingBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                _pendingKeys!.Add(key);
                batch = _pendingBatch.Task;
                _batchOfKey[key] = batch;
            }
            return new Pending(this, key, batch);
        }
    }

    private async Task<TValue> GetAsync(TKey key, Task<IReadOnlyDictionary<TKey, TValue>> batch, CancellationToken cancellationToken)
    {
        HashSet<TKey>? keys = null;
        TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>? source = null;
        lock (_gate)
        {
            // Only the batch this key waits for is dispatched; keys queued later wait for their own turn.
            if (_pendingBatch is not null && _pendingBatch.Task == batch)
            {
                (keys, source) = (_pendingKeys, _pendingBatch);
                (_pendingKeys, _pendingBatch) = (null, null);
            }
        }
        if (keys is not null)
        {
            try { source!.SetResult(await fetch(keys, cancellationToken).ConfigureAwait(false)); }
            catch (Exception e) { source!.SetException(e); }
        }
        var values = await batch.ConfigureAwait(false);
        return values.TryGetValue(key, out var value) ? value : missing;
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key, Task<IReadOnlyDictionary<TKey, TValue>> batch)
        : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, batch, cancellationToken);
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

public static class DataLoaderResultExtensions
{
    /// <summary>Transforms a pending result without awaiting it, so batching is kept.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(result, map);

    /// <summary>Combines two pending results; both are queued already, so awaiting one does not split the other's batch.</summary>
    public static IDataLoaderResult<TOut> With<TFirst, TSecond, TOut>(this IDataLoaderResult<TFirst> first, IDataLoaderResult<TSecond> second, Func<TFirst, TSecond, TOut> combine) =>
        new Combined<TFirst, TSecond, TOut>(first, second, combine);

    private sealed class Combined<TFirst, TSecond, TOut>(IDataLoaderResult<TFirst> first, IDataLoaderResult<TSecond> second, Func<TFirst, TSecond, TOut> combine)
        : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            combine(await first.GetResultAsync(cancellationToken), await second.GetResultAsync(cancellationToken));
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
