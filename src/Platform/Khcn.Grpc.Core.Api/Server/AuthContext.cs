namespace Grpc.Core;

/// <summary>Authentication information about the peer of a server call.</summary>
public class AuthContext
{
    private readonly Dictionary<string, List<AuthProperty>> _properties;

    public AuthContext(string? peerIdentityPropertyName, Dictionary<string, List<AuthProperty>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        PeerIdentityPropertyName = peerIdentityPropertyName;
        _properties = properties;
    }

    /// <summary>True when the peer presented an identity (e.g. a client certificate).</summary>
    public bool IsPeerAuthenticated => PeerIdentityPropertyName is not null;

    public string? PeerIdentityPropertyName { get; }

    public IEnumerable<AuthProperty> PeerIdentity =>
        PeerIdentityPropertyName is null ? [] : FindPropertiesByName(PeerIdentityPropertyName);

    public IEnumerable<AuthProperty> Properties => _properties.Values.SelectMany(list => list);

    public IEnumerable<AuthProperty> FindPropertiesByName(string propertyName) =>
        _properties.TryGetValue(propertyName, out var list) ? list : [];
}
