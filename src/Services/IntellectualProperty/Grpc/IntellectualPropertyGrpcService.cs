using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Grpc;

/// <summary>
/// Entry point of the IntellectualPropertyService v1 API. Requests enter here and are handed to the domain;
/// methods not built yet are not overridden, so the generated base answers UNIMPLEMENTED.
/// </summary>
public sealed class IntellectualPropertyGrpcService : IntellectualPropertyService.IntellectualPropertyServiceBase
{
}
