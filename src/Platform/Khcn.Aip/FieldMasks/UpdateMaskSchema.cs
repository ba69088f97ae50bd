using Google.Protobuf.WellKnownTypes;

namespace Khcn.Aip;

/// <summary>
/// The update_mask rules of one Update method (AIP-134): which proto field paths (snake_case) a client may
/// update, and which it may name but not change.
/// </summary>
public sealed class UpdateMaskSchema(IEnumerable<string> updatable, IEnumerable<string>? immutable = null, IEnumerable<string>? outputOnly = null)
{
    private const string Field = "update_mask";
    private const string Wildcard = "*";

    private readonly string[] _updatable = [.. updatable.Distinct(StringComparer.Ordinal)];
    private readonly HashSet<string> _updatableSet = new(updatable, StringComparer.Ordinal);
    private readonly HashSet<string> _immutable = new(immutable ?? [], StringComparer.Ordinal);
    private readonly HashSet<string> _outputOnly = new(outputOnly ?? [], StringComparer.Ordinal);

    /// <summary>
    /// The paths without those inside another one ("budget" covers "budget.state_budget_vnd"): how an event's
    /// changed_fields name what an update replaced.
    /// </summary>
    public static IEnumerable<string> OutermostPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = paths.ToList();
        return all.Where(path => !all.Any(other => path.StartsWith(other + ".", StringComparison.Ordinal)));
    }

    /// <summary>The paths to update. The mask is required: a full replacement must say so with "*".</summary>
    public IReadOnlySet<string> Resolve(FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            throw ApiException.InvalidArgument(
                "update_mask is required.",
                new FieldViolation(Field, $"is required: list the fields to update ({string.Join(", ", _updatable)}) or \"*\" for all of them"));
        }

        var resolved = new HashSet<string>(StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < mask.Paths.Count; i++)
        {
            var path = mask.Paths[i];
            var field = $"{Field}.paths[{i}]";
            if (path == Wildcard)
            {
                if (mask.Paths.Count > 1)
                {
                    violations.Add(new FieldViolation(field, "\"*\" must be the only path"));
                }

                resolved.UnionWith(_updatable);
            }
            else if (_updatableSet.Contains(path))
            {
                resolved.Add(path);
            }
            else if (_immutable.Contains(path))
            {
                violations.Add(new FieldViolation(field, $"'{path}' is immutable: it can only be set at creation"));
            }
            else if (_outputOnly.Contains(path))
            {
                violations.Add(new FieldViolation(field, $"'{path}' is output only: the server sets it"));
            }
            else
            {
                violations.Add(new FieldViolation(field, $"unknown field '{path}'; updatable: {string.Join(", ", _updatable)}"));
            }
        }

        if (violations.Count > 0)
        {
            throw ApiException.InvalidArgument("update_mask names fields that cannot be updated.", [.. violations]);
        }

        return resolved;
    }
}
