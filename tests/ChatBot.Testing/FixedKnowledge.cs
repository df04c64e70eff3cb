using System.Net;
using System.Net.Sockets;
using ChatBot.Core.Knowledge;

namespace ChatBot.Testing;

/// <summary>A knowledge source that always serves one snapshot (set <see cref="Current"/> to swap it).</summary>
public sealed class FixedKnowledge(KnowledgeSnapshot snapshot) : IKnowledgeSnapshotSource
{
    public KnowledgeSnapshot Current { get; set; } = snapshot;
}

/// <summary>Loopback helpers for tests that start servers.</summary>
public static class Loopback
{
    /// <summary>A free TCP port on 127.0.0.1, for a server that must be told its port up front.</summary>
    public static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
