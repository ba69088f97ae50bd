namespace Aspire.Hosting.ApplicationModel;

/// <summary>A resource whose process receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that listens on endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource others find through <c>services__name__endpoint__0</c> (Aspire service discovery).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource that can wait for others before it starts.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that belongs to another (a database of a server).</summary>
public interface IResourceWithParent<out T> : IResource
    where T : IResource
{
    T Parent { get; }
}

/// <summary>A resource others reach through <c>ConnectionStrings__name</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>
    /// The connection string once the resource runs, or null when there is nothing to connect to (it fell back to the
    /// services' embedded default): referencing resources then get no <c>ConnectionStrings__name</c> at all.
    /// </summary>
    string? GetConnectionString();

    /// <summary>The configuration key under <c>ConnectionStrings</c>; the resource's name unless overridden.</summary>
    string ConnectionStringName => Name;
}
