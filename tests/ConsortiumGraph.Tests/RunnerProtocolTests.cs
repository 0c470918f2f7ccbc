using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text.Json;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Runner.Protocol;

namespace ConsortiumGraph.Tests;

/// <summary>The pipe between server and runner: values keep their types, calls cross both ways, and nothing the other end sends is trusted.</summary>
public sealed class RunnerProtocolTests
{
    [Fact]
    public void Local_values_read_back_as_the_types_they_were_written_as()
    {
        var values = new LocalValues(new Dictionary<string, object?>
        {
            ["text"] = "Route 12", ["seats"] = 24, ["dollars"] = 12_500.05m, ["approved"] = true, ["on"] = new DateOnly(2026, 12, 14),
            ["codes"] = new List<object?> { "CTE-AG", "EARLY-COLLEGE" }, ["none"] = null,
        });
        var read = JsonSerializer.Deserialize<LocalValues>(JsonSerializer.Serialize(values, Wire.Options), Wire.Options)!;
        Assert.Equal("Route 12", read.String("text"));
        Assert.Equal(24, read.Int("seats"));
        Assert.Equal(12_500.05m, read.Decimal("dollars"));
        Assert.True(read.Boolean("approved"));
        Assert.Equal(new DateOnly(2026, 12, 14), read.Date("on"));
        Assert.Equal(["CTE-AG", "EARLY-COLLEGE"], read.List("codes")!.Cast<string>());
        Assert.False(read.Has("none"));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new WireValues([new object()]), Wire.Options));
    }

    [Fact]
    public async Task Calls_cross_both_ways_and_a_call_back_names_the_call_it_serves()
    {
        var (server, runner) = Pair();
        long? servedFor = null;
        _ = runner.RunAsync(async (method, args, id, _, ct) =>
        {
            var data = await runner.CallAsync("districts", new { codes = new[] { "5000310" } }, parent: id, cancellationToken: ct);
            return $"{method}:{args.GetProperty("n").GetInt32()}:{data.GetString()}";
        });
        _ = server.RunAsync((method, _, _, parent, _) =>
        {
            servedFor = parent;
            return Task.FromResult<object?>("Riverside");
        });
        var id = server.NextId();
        var answer = await server.CallAsync("compute", new { n = 7 }, id: id).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("compute:7:Riverside", answer.GetString());
        Assert.Equal(id, servedFor);
    }

    [Fact]
    public async Task A_runner_error_is_the_calls_error_and_the_pipe_stays_up()
    {
        var (server, runner) = Pair();
        _ = runner.RunAsync((method, _, _, _, _) => method == "boom" ? throw new InvalidOperationException("risk model unavailable") : Task.FromResult<object?>("ok"));
        _ = server.RunAsync((_, _, _, _, _) => Task.FromResult<object?>(null));
        var error = await Assert.ThrowsAsync<RemoteCallException>(() => server.CallAsync("boom", null).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("InvalidOperationException: risk model unavailable", error.Message);
        Assert.Equal("ok", (await server.CallAsync("fine", null).WaitAsync(TimeSpan.FromSeconds(10))).GetString());
    }

    [Fact]
    public async Task A_result_the_wire_cannot_carry_fails_the_call_instead_of_leaving_it_unanswered()
    {
        var (server, runner) = Pair();
        _ = runner.RunAsync((_, _, _, _, _) => Task.FromResult<object?>(new WireValues([new Uri("https://example.org")])));
        _ = server.RunAsync((_, _, _, _, _) => Task.FromResult<object?>(null));
        var error = await Assert.ThrowsAsync<RemoteCallException>(() => server.CallAsync("compute", null).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("A local value cannot be a Uri", error.Message);
    }

    [Fact]
    public async Task Cancelling_a_call_on_a_pipe_that_is_gone_does_not_throw_in_the_canceller()
    {
        var toRunner = new BreakingStream();
        var server = new RunnerChannel(new Pipe().Reader.AsStream(), toRunner);
        using var cancel = new CancellationTokenSource();
        var call = server.CallAsync("compute", null, cancellationToken: cancel.Token);
        toRunner.Broken = true; // the runner is gone: writing the cancellation fails with an IOException
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    /// <summary>A pipe to a process that ends: writes succeed until <see cref="Broken"/>, then fail as a broken pipe does.</summary>
    private sealed class BreakingStream : MemoryStream
    {
        public bool Broken { get; set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Broken) throw new IOException("Broken pipe");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Broken) throw new IOException("Broken pipe");
            base.Write(buffer);
        }
    }

    public static readonly TheoryData<string, byte[]> Garbage = new()
    {
        { "a frame longer than the limit", Frame(int.MaxValue, []) },
        { "a negative length", Frame(-5, []) },
        { "a frame that is not JSON", Frame(4, "}{!!"u8.ToArray()) },
        { "JSON that is neither request nor reply", Frame(13, "{\"hello\":\"x\"}"u8.ToArray()) },
        { "a pipe that ends inside a frame", Frame(100, "{\"id\":1"u8.ToArray()) },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task What_is_not_a_frame_closes_the_channel_and_fails_the_calls_waiting_on_it(string what, byte[] bytes)
    {
        var toServer = new Pipe();
        var server = new RunnerChannel(toServer.Reader.AsStream(), Stream.Null, maxFrameBytes: 1 << 20);
        _ = server.RunAsync((_, _, _, _, _) => Task.FromResult<object?>(null));
        var waiting = server.CallAsync("compute", null);
        await toServer.Writer.WriteAsync(bytes);
        await toServer.Writer.CompleteAsync();
        Assert.NotNull(await server.Closed.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<ChannelClosedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        _ = what;
    }

    private static byte[] Frame(int length, byte[] body)
    {
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, length);
        body.CopyTo(frame, 4);
        return frame;
    }

    private static (RunnerChannel Server, RunnerChannel Runner) Pair()
    {
        var toRunner = new Pipe();
        var toServer = new Pipe();
        return (new RunnerChannel(toServer.Reader.AsStream(), toRunner.Writer.AsStream()), new RunnerChannel(toRunner.Reader.AsStream(), toServer.Writer.AsStream()));
    }
}
