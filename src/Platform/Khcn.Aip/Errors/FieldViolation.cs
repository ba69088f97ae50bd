namespace Khcn.Aip;

/// <summary>One invalid request field (google.rpc.BadRequest.FieldViolation): a path such as "page_size" or "update_mask.paths[1]".</summary>
public sealed record FieldViolation(string Field, string Description);
