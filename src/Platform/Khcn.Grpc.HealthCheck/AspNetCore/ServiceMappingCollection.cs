using System.Collections;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>The gRPC health service names exposed by <c>AddGrpcHealthChecks</c>, one mapping per name.</summary>
public sealed class ServiceMappingCollection : IReadOnlyCollection<ServiceMapping>
{
    private readonly List<ServiceMapping> mappings = [];

    /// <inheritdoc />
    public int Count => mappings.Count;

    /// <summary>Maps <paramref name="name"/> to the health checks selected by <paramref name="predicate"/>, replacing an earlier mapping of that name.</summary>
    public void Map(string name, Func<HealthCheckMapContext, bool> predicate)
    {
        var mapping = new ServiceMapping(name, predicate);
        Remove(name);
        mappings.Add(mapping);
    }

    /// <summary>Removes the mapping for <paramref name="name"/>; returns whether there was one.</summary>
    public bool Remove(string name) => mappings.RemoveAll(m => string.Equals(m.Name, name, StringComparison.Ordinal)) > 0;

    /// <summary>Removes every mapping, including the default overall one.</summary>
    public void Clear() => mappings.Clear();

    /// <summary>Finds the mapping for <paramref name="name"/>.</summary>
    public ServiceMapping? Find(string name) => mappings.Find(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public IEnumerator<ServiceMapping> GetEnumerator() => mappings.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
