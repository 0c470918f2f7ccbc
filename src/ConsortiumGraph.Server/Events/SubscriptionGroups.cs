using System.Collections.Immutable;
using System.Security.Claims;
using System.Threading.Channels;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Transport;

namespace ConsortiumGraph.Events;

/// <summary>
/// One subscriber of a group: whom it acts as (for running the document, should it be the one the group runs as),
/// and what it does with a result: <c>DeliverAsync</c> checks its own credential and sends; <c>FallenBehind</c> closes it.
/// </summary>
public sealed class GroupMember(ClaimsPrincipal user, Func<string, Task> deliverAsync, Action fallenBehind)
{
    public ClaimsPrincipal User => user;
    public Task DeliverAsync(string payload) => deliverAsync(payload);
    public void FallenBehind() => fallenBehind();
}

/// <summary>
/// Live updates run once per event for every subscriber that would get the same answer: those with the same
/// request (document, operation, variables) whose credentials resolve to the same rows (<see cref="Caller.ScopeKey"/>,
/// role and claims, not who they are). An event's cost grows with the distinct scopes subscribed, not with the
/// subscribers: 500 staff of one district on one document cost one execution. Each group reads events from
/// the hub through a bounded queue, runs the document in a request scope of its own as one of its members,
/// serializes the result once and hands it to each member, which checks its credential before sending.
/// </summary>
public sealed class SubscriptionGroups(EventHub hub, IServiceScopeFactory scopes, IHttpContextAccessor http, GraphQLExecution execution,
    IGraphQLTextSerializer serializer, SubscriptionOptions options, AccessOptions access, ILogger<SubscriptionGroups> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Group> _groups = [];
    // The groups run with these (a nested type does not see a primary constructor's parameters).
    private readonly EventHub _hub = hub;
    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly IHttpContextAccessor _http = http;
    private readonly GraphQLExecution _execution = execution;
    private readonly IGraphQLTextSerializer _serializer = serializer;
    private readonly SubscriptionOptions _options = options;
    private readonly ILogger _logger = logger;

    /// <summary>How many groups are running, for tests and the benchmark: distinct (request, scope) pairs.</summary>
    public int Count
    {
        get { lock (_gate) return _groups.Count; }
    }

    /// <summary>Adds <paramref name="member"/> to the group of its request and scope, starting the group if it is the first; dispose to leave.</summary>
    public IDisposable Join(GraphQLRequest request, GroupMember member)
    {
        var key = Caller.ScopeKey(member.User, access.Anonymous) + "\n" + _serializer.Serialize(request);
        lock (_gate)
        {
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new Group(this, key, request);
                _groups[key] = group;
                group.Start();
            }
            group.Members = group.Members.Add(member);
            return new Leaving(() => Leave(group, member));
        }
    }

    private void Leave(Group group, GroupMember member)
    {
        lock (_gate)
        {
            group.Members = group.Members.Remove(member);
            if (!group.Members.IsEmpty || !_groups.Remove(group.Key)) return;
        }
        group.Stop();
    }

    private sealed class Group(SubscriptionGroups owner, string key, GraphQLRequest request)
    {
        private readonly Channel<ConsortiumEvent> _events = Channel.CreateBounded<ConsortiumEvent>(
            new BoundedChannelOptions(owner._options.MaxQueuedMessages) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        private readonly CancellationTokenSource _stopped = new();
        private IDisposable? _registration;

        public string Key => key;
        public ImmutableList<GroupMember> Members { get; set; } = [];

        public void Start()
        {
            _registration = owner._hub.Subscribe(e =>
            {
                // Events faster than the document runs make every member too slow, as they would each be on their own.
                if (e.Kind != ConsortiumEvent.ApiKeyRevoked && !_events.Writer.TryWrite(e))
                    foreach (var member in Members) member.FallenBehind();
            });
            // Not under the first subscriber's request: the group runs as whichever member it picks, in a scope of its own.
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(RunAsync);
        }

        public void Stop()
        {
            _registration?.Dispose();
            _events.Writer.TryComplete();
            _stopped.Cancel();
        }

        private async Task RunAsync()
        {
            try
            {
                await foreach (var e in _events.Reader.ReadAllAsync(_stopped.Token))
                {
                    var members = Members;
                    if (members.IsEmpty) continue;
                    string? payload;
                    try { payload = await RunOnceAsync(members[0].User, e); }
                    catch (Exception failure) when (!_stopped.IsCancellationRequested)
                    {
                        // One event that cannot run (the database away) leaves the group listening for the next.
                        owner._logger.LogError(failure, "A subscription could not run for {Kind} {Id}", e.Kind, e.EntityId);
                        continue;
                    }
                    if (payload is not null) await Task.WhenAll(members.Select(m => DeliverAsync(m, payload)));
                }
            }
            catch (OperationCanceledException) { /* the last member left */ }
        }

        // A member whose connection is closing meanwhile fails alone.
        private async Task DeliverAsync(GroupMember member, string payload)
        {
            try { await member.DeliverAsync(payload); }
            catch (Exception failure) when (failure is OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException) { }
        }

        /// <summary>The result as JSON, or null when there is nothing to send (another kind of event, another filter, a row the scope may not read).</summary>
        private async Task<string?> RunOnceAsync(ClaimsPrincipal user, ConsortiumEvent e)
        {
            // A request scope per event: its loaders, caller and database contexts see the data as it is now.
            await using var scope = owner._scopes.CreateAsyncScope();
            owner._http.HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
            try
            {
                var (result, _) = await owner._execution.ExecuteAsync(request, new GraphQLCall(scope.ServiceProvider, user, "websocket", QueriesOnly: false, e, _stopped.Token));
                return result.Errors is { Count: > 0 } || (result.Data is GraphQL.Execution.RootExecutionNode root && root.SubFields?.Any(f => f.ToValue() is not null) == true)
                    ? owner._serializer.Serialize(result)
                    : null;
            }
            finally
            {
                owner._http.HttpContext = null;
            }
        }
    }

    private sealed class Leaving(Action leave) : IDisposable
    {
        private int _left;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) leave();
        }
    }
}
