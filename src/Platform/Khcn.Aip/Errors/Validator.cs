namespace Khcn.Aip;

/// <summary>
/// Collects every field violation of a request before failing, so a client learns about all of its mistakes in one
/// INVALID_ARGUMENT instead of one per round trip.
/// </summary>
public sealed class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public bool HasViolations => _violations.Count > 0;

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public Validator Required(string? value, string field) =>
        Check(!string.IsNullOrWhiteSpace(value), field, "is required");

    public Validator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public Validator Add(IEnumerable<FieldViolation> violations)
    {
        _violations.AddRange(violations);
        return this;
    }

    public Validator Check(bool ok, string field, string description) => ok ? this : Add(field, description);

    public void ThrowIfInvalid(string message = "The request has invalid fields.")
    {
        if (HasViolations)
        {
            throw ApiException.InvalidArgument(message, [.. _violations]);
        }
    }
}
