namespace Khcn.Dashboard.Api;

/// <summary>The body of a 400 or 404 from the JSON API.</summary>
/// <param name="Field">The query or route value at fault.</param>
public sealed record ApiError(string Error, string Field);
