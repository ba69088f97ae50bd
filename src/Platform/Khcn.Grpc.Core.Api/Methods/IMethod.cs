namespace Grpc.Core;

/// <summary>Non-generic description of a gRPC method.</summary>
public interface IMethod
{
    MethodType Type { get; }

    /// <summary>Fully qualified service name, e.g. "khcn.provinces.v1.ProvinceService".</summary>
    string ServiceName { get; }

    /// <summary>Unqualified method name.</summary>
    string Name { get; }

    /// <summary>HTTP/2 path of the method: "/{ServiceName}/{Name}".</summary>
    string FullName { get; }
}
