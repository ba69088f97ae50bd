using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Khcn.Grpc.Errors;

/// <summary>
/// Builds a google.rpc.Status with typed details (AIP-193). Field violations are collected into a single BadRequest
/// detail; at most one ErrorInfo and one ResourceInfo are added, as AIP-193 expects.
/// </summary>
public sealed class RpcStatusBuilder(StatusCode code, string message)
{
    private readonly List<BadRequest.Types.FieldViolation> _fieldViolations = [];
    private readonly List<IMessage> _details = [];
    private ErrorInfo? _errorInfo;
    private ResourceInfo? _resourceInfo;

    /// <summary>Adds a violation to the BadRequest detail; <paramref name="field"/> is a path such as "page_size".</summary>
    public RpcStatusBuilder AddFieldViolation(string field, string description)
    {
        _fieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>
    /// Sets the machine-readable ErrorInfo: reason in UPPER_SNAKE_CASE, domain the service's name
    /// (e.g. "provinces.khcn.gov.vn"; <see cref="KhcnErrorDomain.Value"/> when not given).
    /// </summary>
    public RpcStatusBuilder WithErrorInfo(string reason, IReadOnlyDictionary<string, string>? metadata = null, string? domain = null)
    {
        // Google.Api.CommonProtos 2.0.0 predates the rename of ErrorInfo field 1 from "type" to "reason";
        // the wire format is identical, so peers with newer protos read it as "reason".
        _errorInfo = new ErrorInfo { Type = reason, Domain = domain ?? KhcnErrorDomain.Value };
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                _errorInfo.Metadata.Add(key, value);
            }
        }

        return this;
    }

    /// <summary>Identifies the resource the error is about, e.g. ("khcn.provinces.v1.Province", "provinces/45").</summary>
    public RpcStatusBuilder WithResourceInfo(string resourceType, string resourceName, string description = "")
    {
        _resourceInfo = new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = description };
        return this;
    }

    /// <summary>Adds any other detail message (RetryInfo, PreconditionFailure, ...).</summary>
    public RpcStatusBuilder AddDetail(IMessage detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        _details.Add(detail);
        return this;
    }

    public Google.Rpc.Status Build()
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (_errorInfo is not null)
        {
            status.Details.Add(Any.Pack(_errorInfo));
        }

        if (_resourceInfo is not null)
        {
            status.Details.Add(Any.Pack(_resourceInfo));
        }

        if (_fieldViolations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(_fieldViolations);
            status.Details.Add(Any.Pack(badRequest));
        }

        foreach (var detail in _details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }

    /// <summary>The exception to throw from a handler; its status and the details trailer agree by construction.</summary>
    public RpcException ToRpcException() => Build().ToRpcException();
}
