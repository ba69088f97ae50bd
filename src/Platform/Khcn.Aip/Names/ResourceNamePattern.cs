namespace Khcn.Aip;

/// <summary>
/// A resource name pattern (AIP-122) such as "engagements/{engagement}" or "provinces/{province}/department":
/// literal collection segments and variable id segments.
/// </summary>
public sealed class ResourceNamePattern
{
    private readonly string[] _segments;
    private readonly bool[] _isVariable;

    public ResourceNamePattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _segments = pattern.Split('/');
        _isVariable = new bool[_segments.Length];
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            _isVariable[i] = segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
            if (segment.Length == 0 || (!_isVariable[i] && (segment.Contains('{') || segment.Contains('}'))))
            {
                throw new ArgumentException($"Malformed resource name pattern '{pattern}'.", nameof(pattern));
            }
        }

        VariableCount = _isVariable.Count(v => v);
    }

    public string Pattern { get; }

    public int VariableCount { get; }

    /// <summary>The ids in <paramref name="name"/>, in pattern order; false when it does not match the pattern.</summary>
    public bool TryParse(string? name, out string[] ids)
    {
        ids = [];
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var segments = name.Split('/');
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        var found = new string[VariableCount];
        var next = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            if (_isVariable[i])
            {
                if (!IsIdSegment(segments[i]))
                {
                    return false;
                }

                found[next++] = segments[i];
            }
            else if (!string.Equals(segments[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        ids = found;
        return true;
    }

    public string Format(params string[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length != VariableCount)
        {
            throw new ArgumentException($"Pattern '{Pattern}' takes {VariableCount} id(s), got {ids.Length}.", nameof(ids));
        }

        var segments = new string[_segments.Length];
        var next = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            if (_isVariable[i])
            {
                var id = ids[next++];
                if (!IsIdSegment(id))
                {
                    throw new ArgumentException($"'{id}' cannot be a resource name segment.", nameof(ids));
                }

                segments[i] = id;
            }
            else
            {
                segments[i] = _segments[i];
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>The single id of a one-variable pattern; INVALID_ARGUMENT on <paramref name="field"/> when malformed or empty.</summary>
    public string Parse(string? name, string field)
    {
        if (VariableCount != 1)
        {
            throw new InvalidOperationException($"Pattern '{Pattern}' has {VariableCount} variables; use ParseAll.");
        }

        return ParseAll(name, field)[0];
    }

    /// <summary>All ids of <paramref name="name"/>; INVALID_ARGUMENT on <paramref name="field"/> when malformed or empty.</summary>
    public string[] ParseAll(string? name, string field)
    {
        if (TryParse(name, out var ids))
        {
            return ids;
        }

        throw ApiException.InvalidArgument(
            string.IsNullOrEmpty(name) ? $"{field} is required." : $"{field} \"{name}\" is not a valid resource name.",
            new FieldViolation(field, $"must look like {Pattern}"));
    }

    public override string ToString() => Pattern;

    // Ids are not limited to AIP-122 system ids (province codes such as "45" are two digits), but they must be
    // URL-safe and unreserved (RFC 3986) so names survive HTTP paths and logs unescaped.
    private static bool IsIdSegment(string segment) =>
        segment.Length is > 0 and <= 128
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
        && segment is not ("." or "..");
}
