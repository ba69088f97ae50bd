namespace Grpc.Core;

/// <summary>Custom check of the server's certificate; return false to reject the connection.</summary>
public delegate bool VerifyPeerCallback(VerifyPeerContext context);

/// <summary>Information passed to a <see cref="VerifyPeerCallback"/>.</summary>
public class VerifyPeerContext
{
    internal VerifyPeerContext(string targetName, string peerPem)
    {
        TargetName = targetName;
        PeerPem = peerPem;
    }

    public string TargetName { get; }

    public string PeerPem { get; }
}
