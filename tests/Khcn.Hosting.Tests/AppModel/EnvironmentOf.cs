using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Orchestration;

namespace Khcn.Hosting.Tests.AppModel;

/// <summary>What a resource's process would get: endpoints allocated as at start, then every environment callback.</summary>
internal static class EnvironmentOf
{
    public static IDictionary<string, string> Resolve(IResource resource, IEnumerable<IResource> all, string? runDirectory = null)
    {
        PortAllocator.AllocateAll(all.Where(r => r.Endpoints().Any(e => e.AllocatedEndpoint is null)));
        return resource.ResolveEnvironment(runDirectory);
    }
}
