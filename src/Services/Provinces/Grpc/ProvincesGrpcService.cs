using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

/// <summary>
/// Entry point of the ProvincesService v1 API. Requests enter here and are handed to the domain;
/// methods not built yet are not overridden, so the generated base answers UNIMPLEMENTED.
/// </summary>
public sealed class ProvincesGrpcService : ProvincesService.ProvincesServiceBase
{
}
