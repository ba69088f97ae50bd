namespace Grpc.Net.Client.Configuration;

/// <summary>
/// Names the methods a <see cref="MethodConfig"/> applies to (gRPC service config "name" entry).
/// A name with only <see cref="Service"/> matches every method of that service; a name with neither
/// matches every method of the channel (<see cref="Default"/>).
/// </summary>
public sealed class MethodName
{
    /// <summary>Matches all methods of the channel. Used as the fallback when nothing more specific matches.</summary>
    public static readonly MethodName Default = new();

    /// <summary>Fully-qualified protobuf service name, e.g. <c>khcn.provinces.v1.ProvinceService</c>.</summary>
    public string? Service { get; set; }

    /// <summary>Method name without the service, e.g. <c>GetProvince</c>.</summary>
    public string? Method { get; set; }
}
