namespace Khcn.Data;

/// <summary>
/// A stored resource addressed by its id and guarded by a version counter (its etag, AIP-154), so lookups and
/// optimistic-concurrency checks can be written once for every such resource.
/// </summary>
public interface IVersionedResource
{
    string Id { get; }

    long Version { get; set; }
}
