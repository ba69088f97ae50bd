namespace Aspire.Hosting.ApplicationModel;

/// <summary>A part of the distributed application: a project, a database server, a cache.</summary>
public interface IResource
{
    /// <summary>The resource's name: its log prefix, its configuration key (<c>ConnectionStrings__name</c>, <c>services__name__…</c>).</summary>
    string Name { get; }

    /// <summary>Everything said about the resource in the app model (endpoints, environment, waits).</summary>
    ResourceAnnotationCollection Annotations { get; }
}
