using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>
/// One end of the pipe between the server and a plugin runner: length-prefixed JSON frames (4 bytes,
/// big-endian, then UTF-8 JSON), requests and replies in both directions, many in flight at once. The
/// server calls the runner (manifest, register, compute, check); the runner calls back for the data
/// plugin code asks for, naming the server's call it serves (<c>parent</c>). Either side may cancel
/// a call it made. Nothing here trusts the other end: frames are bounded and every reply is matched.
/// </summary>
public sealed class RunnerChannel(Stream input, Stream output, int maxFrameBytes = RunnerChannel.DefaultMaxFrameBytes)
{
    public const int DefaultMaxFrameBytes = 64 << 20;
    private const string Cancel = "$cancel";

    /// <summary>
    /// Answers a call from the other end (<paramref name="id"/> is the call's, <paramref name="parent"/> the call it was made for, if any);
    /// the result is serialized with <see cref="Wire.Options"/>, an exception becomes its error.
    /// </summary>
    public delegate Task<object?> Handler(string method, JsonElement args, long id, long parent, CancellationToken cancellationToken);

    private readonly object _writing = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _waiting = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _serving = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId;

    /// <summary>Completes when the channel stops reading, with why (null when the other end closed it cleanly).</summary>
    public Task<Exception?> Closed => _closed.Task;

    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>
    /// Reads frames until the other end closes the pipe, answering its calls with <paramref name="handler"/>. The reading
    /// runs on a thread of its own with blocking reads: a pipe read through the thread pool costs a hop each way.
    /// </summary>
    public Task RunAsync(Handler handler, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Read(handler, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Read(Handler handler, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var header = new byte[4];
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!ReadExactlyOrEnd(header)) break;
                var length = BinaryPrimitives.ReadInt32BigEndian(header);
                if (length <= 0 || length > maxFrameBytes) throw new InvalidDataException($"A frame of {length} bytes is outside 1-{maxFrameBytes}.");
                var frame = new byte[length];
                if (!ReadExactlyOrEnd(frame)) throw new EndOfStreamException("The pipe closed inside a frame.");
                Dispatch(RunnerMessage.Parse(frame), handler);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }
        var closed = new ChannelClosedException(failure is null ? "The other end closed the pipe." : $"The pipe failed: {failure.Message}", failure);
        foreach (var waiting in _waiting.Values) waiting.TrySetException(closed);
        foreach (var serving in _serving.Values) serving.Cancel();
        _closed.TrySetResult(failure);
    }

    /// <summary>Calls <paramref name="method"/> on the other end and waits for its result; its error is thrown as <see cref="RemoteCallException"/>.</summary>
    public async Task<JsonElement> CallAsync(string method, object? args, long parent = 0, long id = 0, CancellationToken cancellationToken = default)
    {
        if (id == 0) id = NextId();
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = reply;
        try
        {
            if (_closed.Task.IsCompleted) throw new ChannelClosedException("The pipe is closed.", null);
            Write(RunnerMessage.Request(id, method, parent, args));
            await using (cancellationToken.Register(() =>
            {
                // Runs inside the canceller's Cancel(): a pipe that is gone must not throw there.
                if (reply.TrySetCanceled(cancellationToken))
                    try { Write(RunnerMessage.Request(0, Cancel, 0, new CancelArgs(id))); }
                    catch (ChannelClosedException) { /* the other end is gone; nothing to cancel */ }
            }))
            {
                return await reply.Task;
            }
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    private void Dispatch(RunnerMessage message, Handler handler)
    {
        if (message.ReplyTo != 0)
        {
            if (!_waiting.TryRemove(message.ReplyTo, out var waiting)) return; // cancelled, or not ours
            if (message.Error is not null) waiting.TrySetException(new RemoteCallException(message.Error, message.Code));
            else waiting.TrySetResult(message.Result);
            return;
        }
        if (message.Method == Cancel)
        {
            if (message.Args.Deserialize<CancelArgs>(Wire.Options) is { } cancel && _serving.TryGetValue(cancel.Id, out var serving)) serving.Cancel();
            return;
        }
        var source = new CancellationTokenSource();
        if (!_serving.TryAdd(message.Id, source)) throw new InvalidDataException($"The call id {message.Id} is already in use.");
        _ = Task.Run(async () =>
        {
            RunnerMessage reply;
            try
            {
                var result = await handler(message.Method ?? "", message.Args, message.Id, message.Parent, source.Token);
                reply = RunnerMessage.Reply(message.Id, result);
            }
            catch (Exception e)
            {
                reply = RunnerMessage.Failure(message.Id, e is RemoteCallException remote ? remote.Message : $"{e.GetType().Name}: {e.Message}", (e as RemoteCallException)?.Code);
            }
            finally
            {
                _serving.TryRemove(message.Id, out _);
                source.Dispose();
            }
            try { Write(reply); }
            catch (ChannelClosedException) { /* the pipe is gone; RunAsync reports it */ }
            catch (Exception e)
            {
                // The result cannot be written (a plugin value of a type the wire has no kind for): the call fails, it does not go unanswered.
                try { Write(RunnerMessage.Failure(message.Id, $"{e.GetType().Name}: {e.Message}", null)); }
                catch (ChannelClosedException) { /* as above */ }
            }
        });
    }

    /// <summary>Writes one frame; a pipe that fails is <see cref="ChannelClosedException"/>, as a closed one is.</summary>
    private void Write(RunnerMessage message)
    {
        // Length and body in one buffer: one write on the pipe per message, written at once (a pipe write
        // blocks only while the other end's buffer is full, and its reader is always reading).
        var frame = message.Serialize(reserve: 4);
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        lock (_writing)
        {
            try
            {
                output.Write(frame);
                output.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                throw new ChannelClosedException($"The pipe failed: {e.Message}", e);
            }
        }
    }

    private bool ReadExactlyOrEnd(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = input.Read(buffer, read, buffer.Length - read);
            if (n == 0) return read == 0 ? false : throw new EndOfStreamException("The pipe closed inside a frame.");
            read += n;
        }
        return true;
    }

    private sealed record CancelArgs(long Id);
}
