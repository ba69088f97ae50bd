using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Khcn.Hosting.Orchestration;

/// <summary>
/// The resources and who waits for whom, checked once at <c>Build()</c>: every awaited resource is part of the app and
/// waits never form a cycle (references may: Provinces and Tasks call each other, but only one waits for the other).
/// </summary>
internal sealed class ResourceGraph
{
    private ResourceGraph(IReadOnlyList<IResource> startOrder) => StartOrder = startOrder;

    /// <summary>Dependencies before dependents; otherwise in declaration order.</summary>
    public IReadOnlyList<IResource> StartOrder { get; }

    public static ResourceGraph Create(IReadOnlyList<IResource> resources)
    {
        foreach (var resource in resources)
        {
            foreach (var dependency in resource.WaitsFor())
            {
                if (!resources.Contains(dependency))
                {
                    throw new DistributedApplicationException(
                        $"Resource '{resource.Name}' waits for '{dependency.Name}', which was not added to the application.");
                }
            }
        }

        var ordered = new List<IResource>(resources.Count);
        var visiting = new List<IResource>();
        foreach (var resource in resources)
        {
            Visit(resource, ordered, visiting);
        }

        return new ResourceGraph(ordered);
    }

    /// <summary>The resources that wait for <paramref name="resource"/> (they stop before it).</summary>
    public IEnumerable<IResource> DependentsOf(IResource resource) =>
        StartOrder.Where(r => r.WaitsFor().Contains(resource));

    private static void Visit(IResource resource, List<IResource> ordered, List<IResource> visiting)
    {
        if (ordered.Contains(resource))
        {
            return;
        }

        if (visiting.Contains(resource))
        {
            var cycle = visiting.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
            throw new DistributedApplicationException($"Resources wait for each other in a cycle: {string.Join(" → ", cycle)}.");
        }

        visiting.Add(resource);
        foreach (var dependency in resource.WaitsFor())
        {
            Visit(dependency, ordered, visiting);
        }

        visiting.Remove(resource);
        ordered.Add(resource);
    }
}
