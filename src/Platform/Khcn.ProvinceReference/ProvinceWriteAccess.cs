using Khcn.Aip;
using Khcn.Security;
using Khcn.ServiceDefaults.Security;

namespace Khcn.ProvinceReference;

/// <summary>
/// The province rule of writes, for the use cases of one service: the caller must hold the service's write scope
/// (the interceptor saw to that) AND either be granted the record's province, with its merger lineage
/// (<see cref="CallerIdentity.MayWrite(string, string, Func{string, IEnumerable{string}})"/>), or be the Ministry.
/// Records of no province are the Ministry's alone. Without an authenticated caller (authentication off, or work
/// outside a call such as seeding) nothing is checked.
/// </summary>
/// <remarks>
/// A refusal is PERMISSION_DENIED with ErrorInfo in the suite's domain (<see cref="ProvinceWriteErrors"/>), raised
/// before anything is written. Use cases call it with the province of the stored record AND, for a change that moves
/// the record, the new one: both must be granted.
/// </remarks>
public sealed class ProvinceWriteAccess
{
    private readonly string _service;
    private readonly ICallerContext _callers;
    private readonly Func<CancellationToken, ValueTask<Func<string, IEnumerable<string>>>> _lineage;

    /// <summary>For a service that reads the province catalog from the Provinces service (Tasks, IP).</summary>
    public ProvinceWriteAccess(string service, ICallerContext callers, IProvinceReference provinces)
        : this(service, callers, async cancellationToken => (await provinces.GetCatalogAsync(cancellationToken)).LineageOf)
    {
        ArgumentNullException.ThrowIfNull(provinces);
    }

    /// <summary>With the lineage from <paramref name="lineageOf"/> (a catalog already at hand; tests).</summary>
    public ProvinceWriteAccess(string service, ICallerContext callers, Func<string, IEnumerable<string>> lineageOf)
        : this(service, callers, _ => ValueTask.FromResult(lineageOf))
    {
        ArgumentNullException.ThrowIfNull(lineageOf);
    }

    private ProvinceWriteAccess(
        string service, ICallerContext callers, Func<CancellationToken, ValueTask<Func<string, IEnumerable<string>>>> lineage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentNullException.ThrowIfNull(callers);
        _service = service;
        _callers = callers;
        _lineage = lineage;
    }

    /// <summary>
    /// Whether writes are checked at all in this call; use cases skip the lookups the check needs (e.g. the stored
    /// record's province) when they are not.
    /// </summary>
    public bool IsEnforced => _callers.Current is not null;

    /// <summary>
    /// Throws PERMISSION_DENIED unless the caller may write <paramref name="resource"/> (a resource name, or the
    /// resource type of one not created yet) under every code of <paramref name="provinceCodes"/>; an empty or null
    /// code stands for no province.
    /// </summary>
    public async Task DemandAsync(string resource, IEnumerable<string?> provinceCodes, CancellationToken cancellationToken)
    {
        if (await CheckAsync(resource, provinceCodes, cancellationToken) is { } refusal)
        {
            throw ProvinceWriteErrors.ToRpcException(refusal);
        }
    }

    /// <summary><see cref="DemandAsync(string, IEnumerable{string?}, CancellationToken)"/> for one province code.</summary>
    public Task DemandAsync(string resource, string? provinceCode, CancellationToken cancellationToken) =>
        DemandAsync(resource, [provinceCode], cancellationToken);

    /// <summary>
    /// For a write on the stored record <paramref name="name"/>: its province <paramref name="storedCode"/> when it
    /// <paramref name="exists"/> and, when the write moves it, <paramref name="newProvinceCode"/>; both must be granted.
    /// An unknown record is the write's to report (NOT_FOUND); only a move's destination can be judged already.
    /// </summary>
    public Task DemandStoredAsync(
        string name, bool exists, string? storedCode, string? newProvinceCode, CancellationToken cancellationToken)
    {
        var codes = new List<string?>(2);
        if (exists)
        {
            codes.Add(storedCode);
        }

        if (newProvinceCode is not null)
        {
            codes.Add(newProvinceCode);
        }

        return codes.Count == 0 ? Task.CompletedTask : DemandAsync(name, codes, cancellationToken);
    }

    /// <summary>
    /// The refusal <see cref="DemandAsync(string, IEnumerable{string?}, CancellationToken)"/> would throw, or null; for
    /// callers that answer it instead of failing the call (one record of an import stream).
    /// </summary>
    public async Task<ApiException?> CheckAsync(string resource, IEnumerable<string?> provinceCodes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentNullException.ThrowIfNull(provinceCodes);
        if (_callers.Current is not { } caller)
        {
            return null;
        }

        Func<string, IEnumerable<string>>? lineageOf = null;
        foreach (var code in provinceCodes.Select(c => c ?? "").Distinct(StringComparer.Ordinal))
        {
            if (code.Length == 0)
            {
                if (!caller.MayWriteNational(_service))
                {
                    return ProvinceWriteErrors.MinistryRequired(_service, resource);
                }

                continue;
            }

            // The Ministry (with the write scope) writes every province and needs no catalog: skipping it keeps its
            // writes working while Provinces is unreachable.
            if (caller.MayWriteNational(_service))
            {
                continue;
            }

            lineageOf ??= await _lineage(cancellationToken);
            if (!caller.MayWrite(_service, code, lineageOf))
            {
                return ProvinceWriteErrors.ProvinceNotGranted(_service, resource, code);
            }
        }

        return null;
    }
}
