namespace ConsortiumGraph.Events;

/// <summary>
/// The instance's WebSocket slots, in three pools so that anonymous clients can never take the slots of
/// signed-in ones: connections not yet initialised (per address; they close after the init timeout),
/// anonymous connections (in all and per address), and signed-in connections.
/// </summary>
public sealed class WebSocketConnections(SubscriptionOptions options)
{
    /// <summary>Which pool a connection holds a slot in; None once it holds none (refused at connection_init).</summary>
    public enum Pool { None, Pending, Anonymous, SignedIn }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Pending, int Anonymous)> _byAddress = [];
    private int _pending, _anonymous, _signedIn;

    /// <summary>Connections open now, by pool.</summary>
    public (int Pending, int Anonymous, int SignedIn) Open
    {
        get { lock (_gate) return (_pending, _anonymous, _signedIn); }
    }

    /// <summary>A new connection, before connection_init.</summary>
    public bool TryOpen(string address)
    {
        lock (_gate)
        {
            var at = _byAddress.GetValueOrDefault(address);
            if (at.Pending >= options.MaxPendingConnectionsPerAddress || _pending >= options.MaxConnections) return false;
            _byAddress[address] = at with { Pending = at.Pending + 1 };
            _pending++;
            return true;
        }
    }

    /// <summary>Moves an initialised connection from the pending pool to the anonymous or the signed-in one; false when that pool is full (the connection leaves the pending pool either way).</summary>
    public bool TryPromote(string address, bool signedIn)
    {
        lock (_gate)
        {
            Release(address, Pool.Pending);
            var at = _byAddress.GetValueOrDefault(address);
            if (signedIn)
            {
                if (_signedIn >= options.MaxConnections) return false;
                _signedIn++;
                return true;
            }
            if (_anonymous >= options.MaxAnonymousConnections || at.Anonymous >= options.MaxAnonymousConnectionsPerAddress) return false;
            _byAddress[address] = at with { Anonymous = at.Anonymous + 1 };
            _anonymous++;
            return true;
        }
    }

    public void Release(string address, Pool pool)
    {
        lock (_gate)
        {
            var at = _byAddress.GetValueOrDefault(address);
            switch (pool)
            {
                case Pool.Pending: _pending--; at = at with { Pending = at.Pending - 1 }; break;
                case Pool.Anonymous: _anonymous--; at = at with { Anonymous = at.Anonymous - 1 }; break;
                case Pool.SignedIn: _signedIn--; return;
                default: return;
            }
            if (at is (0, 0)) _byAddress.Remove(address);
            else _byAddress[address] = at;
        }
    }
}
