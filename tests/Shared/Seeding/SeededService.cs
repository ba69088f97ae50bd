using Khcn.Services.Tests.Hosting;

namespace Khcn.Tests.Seeding;

/// <summary>
/// A service fixture that loaded its seeds at start. Seed tests constrain their fixture to it, so they cannot run over
/// an empty register by mistake; a second instance on the same database shows that a reload changes nothing.
/// </summary>
public interface ISeededService
{
    /// <summary>Another instance of the service (seeds on) over the fixture's database and the services it calls.</summary>
    Task<ServiceHost> StartAgainAsync();
}
