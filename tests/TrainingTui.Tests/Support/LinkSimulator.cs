using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Training.Tui.Tests.Support;

/// <summary>
/// How a simulated link behaves: the round trip it adds and the bandwidth of each direction.
/// <see cref="BitsPerSecond"/> 0 means unlimited.
/// </summary>
public sealed record LinkConditions(TimeSpan RoundTrip, long BitsPerSecond)
{
    /// <summary>No delay, no limit: a plain relay.</summary>
    public static readonly LinkConditions Loopback = new(TimeSpan.Zero, 0);

    /// <summary>The link of issue 13: a national headquarters on 256 kbit/s with a 300 ms round trip.</summary>
    public static readonly LinkConditions Slow = new(TimeSpan.FromMilliseconds(300), 256_000);

    /// <summary>The worst link the client must still work on: 64 kbit/s, 300 ms.</summary>
    public static readonly LinkConditions VerySlow = new(TimeSpan.FromMilliseconds(300), 64_000);

    public override string ToString() =>
        $"{RoundTrip.TotalMilliseconds:0} ms round trip, {(BitsPerSecond == 0 ? "unlimited" : $"{BitsPerSecond / 1000} kbit/s")}";
}

/// <summary>
/// A TCP relay on loopback that behaves like a slow field link between a client and the service: it adds half the
/// round trip to each direction, sends each direction's bytes no faster than the bandwidth (a queue, as a modem
/// line has), counts the bytes, and can end the link two ways: <see cref="Cut"/> resets every connection at once (a
/// dropped line the ends notice), <see cref="Silence"/> lets connections stay open while nothing gets through (a
/// link that died silently, which only keepalive finds). Used by the tests and by <c>bench/TrainingBench</c>.
/// </summary>
public sealed class LinkSimulator : IAsyncDisposable
{
    /// <summary>Bytes read at once: about a TCP segment, so a long answer streams in pieces as on a real line.</summary>
    private const int SegmentSize = 1460;

    /// <summary>Segments queued per direction before the relay stops reading (the sender then waits, as on a full line).</summary>
    private const int QueuedSegments = 64;

    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Connection> _connections = [];
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Line _toServer = new();
    private readonly Line _toClient = new();
    private readonly Task _accepting;
    private volatile bool _silent;
    private long _bytesToServer;
    private long _bytesToClient;
    private int _accepted;

    /// <summary>Relays 127.0.0.1:<see cref="Port"/> to <paramref name="upstream"/> under <paramref name="conditions"/>.</summary>
    public LinkSimulator(IPEndPoint upstream, LinkConditions conditions)
    {
        _upstream = upstream;
        Conditions = conditions;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>Relays to the service at <paramref name="address"/> (http://127.0.0.1:port).</summary>
    public LinkSimulator(Uri address, LinkConditions conditions)
        : this(new IPEndPoint(IPAddress.Parse(address.Host == "localhost" ? "127.0.0.1" : address.Host), address.Port), conditions)
    {
    }

    public int Port { get; }

    /// <summary>The address a client uses to reach the service over this link.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>The link's behaviour; may be changed while connections are open (it applies to bytes read from then on).</summary>
    public LinkConditions Conditions { get; set; }

    /// <summary>Bytes the client sent that reached the service.</summary>
    public long BytesToServer => Interlocked.Read(ref _bytesToServer);

    /// <summary>Bytes the service sent that reached the client.</summary>
    public long BytesToClient => Interlocked.Read(ref _bytesToClient);

    /// <summary>Connections accepted since the start.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>Connections open now.</summary>
    public int OpenConnections
    {
        get { lock (_gate) return _connections.Count; }
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _bytesToServer, 0);
        Interlocked.Exchange(ref _bytesToClient, 0);
    }

    /// <summary>Drops every open connection at once with a reset, as a line that goes down; new connections are relayed again.</summary>
    public void Cut()
    {
        List<Connection> open;
        lock (_gate)
        {
            open = [.. _connections];
            _connections.Clear();
        }
        foreach (var connection in open) connection.Reset();
    }

    /// <summary>
    /// From now on nothing gets through in either direction, yet no connection ends and new ones are accepted: a link
    /// that died without a word. <see cref="Restore"/> lets bytes through again (those sent meanwhile are lost).
    /// </summary>
    public void Silence() => _silent = true;

    public void Restore() => _silent = false;

    private TimeSpan Now => _clock.Elapsed;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            // Opening a connection costs a round trip (SYN, SYN-ACK) before the client's first byte can leave.
            if (Conditions.RoundTrip > TimeSpan.Zero) await Task.Delay(Conditions.RoundTrip, _stopping.Token);
            await server.ConnectAsync(_upstream, _stopping.Token);
        }
        catch (Exception)
        {
            Reset(client);
            server.Dispose();
            return;
        }
        var connection = new Connection(client, server);
        lock (_gate) _connections.Add(connection);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, connection.Ended);
        var up = PumpAsync(client, server, _toServer, b => Interlocked.Add(ref _bytesToServer, b), ending.Token);
        var down = PumpAsync(server, client, _toClient, b => Interlocked.Add(ref _bytesToClient, b), ending.Token);
        await Task.WhenAll(up, down);
        lock (_gate) _connections.Remove(connection);
        connection.Close();
    }

    /// <summary>
    /// Moves one direction: each segment read is given the time it leaves the line (after those queued before it, at
    /// the bandwidth) plus half the round trip, and is written to the other end then.
    /// </summary>
    private async Task PumpAsync(Socket from, Socket to, Line line, Action<int> counted, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<Segment>(new BoundedChannelOptions(QueuedSegments) { SingleReader = true, SingleWriter = true });
        var writing = WriteAsync(queue.Reader, to, counted, cancellationToken);
        try
        {
            while (true)
            {
                var buffer = new byte[SegmentSize];
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0) break;
                if (_silent) continue;
                await queue.Writer.WriteAsync(new Segment(buffer, read, line.Schedule(read, Conditions, Now)), cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Reset by either end or by Cut: the other direction ends too.
        }
        queue.Writer.TryComplete();
        await writing;
    }

    private async Task WriteAsync(ChannelReader<Segment> queue, Socket to, Action<int> counted, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var segment in queue.ReadAllAsync(cancellationToken))
            {
                var wait = segment.Due - Now;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                if (_silent) continue;
                // Counted before the write: the receiver may act on the bytes (and read the counter) before SendAsync returns.
                counted(segment.Count);
                var sent = 0;
                while (sent < segment.Count) sent += await to.SendAsync(segment.Data.AsMemory(sent, segment.Count - sent), SocketFlags.None, cancellationToken);
            }
            // The sender closed its side: pass that on once everything it sent is delivered.
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger 0: closing sends a reset at once, as a dropped line looks to the ends.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }

    private readonly record struct Segment(byte[] Data, int Count, TimeSpan Due);

    /// <summary>One direction of the link, shared by every connection over it (they queue for the same line).</summary>
    private sealed class Line
    {
        private readonly Lock _gate = new();
        private TimeSpan _freeAt;

        /// <summary>When a segment of <paramref name="bytes"/> handed over at <paramref name="now"/> reaches the other end.</summary>
        public TimeSpan Schedule(int bytes, LinkConditions conditions, TimeSpan now)
        {
            lock (_gate)
            {
                var start = now > _freeAt ? now : _freeAt;
                var sending = conditions.BitsPerSecond > 0 ? TimeSpan.FromSeconds(bytes * 8.0 / conditions.BitsPerSecond) : TimeSpan.Zero;
                _freeAt = start + sending;
                return _freeAt + conditions.RoundTrip / 2;
            }
        }
    }

    private sealed class Connection(Socket client, Socket server)
    {
        private readonly CancellationTokenSource _ended = new();

        public CancellationToken Ended => _ended.Token;

        public void Reset()
        {
            LinkSimulator.Reset(client);
            LinkSimulator.Reset(server);
            _ended.Cancel();
        }

        public void Close()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
