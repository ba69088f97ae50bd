using Google.Protobuf;
using Khcn.Aip;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// The two write rules every resource shares. Creates are idempotent by request_id (AIP-155): the
/// response is stored in the same transaction as the row, so a retry returns the first result and a
/// crash leaves either both or neither. Saves map a lost optimistic-concurrency race to ABORTED.
/// </summary>
public sealed class ResourceWrites(DbContext db)
{
    /// <summary>
    /// Runs <paramref name="create"/> (which adds rows to the context and returns the response, unsaved)
    /// unless <paramref name="requestId"/> was already used for <paramref name="scope"/>.
    /// </summary>
    /// <param name="explainConflict">
    /// When the save hits a unique index and no retry of this request won, names the conflict the service can tell
    /// apart (e.g. a taken official code); null, or a null answer, reports the resource id as taken.
    /// </param>
    public async Task<TResponse> CreateOnceAsync<TResponse>(
        string scope,
        string? requestId,
        MessageParser<TResponse> parser,
        Func<Task<(TResponse Response, string ResourceType, string ResourceName)>> create,
        CancellationToken cancellationToken,
        Func<Task<ApiException?>>? explainConflict = null)
        where TResponse : class, IMessage<TResponse>
    {
        RequestIds.Validate(requestId);
        var previous = await db.FindIdempotentResponseAsync(scope, requestId, parser, cancellationToken);
        if (previous is not null)
        {
            return previous;
        }

        TResponse response;
        string resourceType, resourceName;
        try
        {
            (response, resourceType, resourceName) = await create();
        }
        catch (ApiException e) when (e.Code == ApiErrorCode.AlreadyExists && !string.IsNullOrEmpty(requestId))
        {
            // A concurrent retry of this same request may have committed between the lookup above and create's own
            // checks (id, code): what it created is then this request's answer.
            db.ChangeTracker.Clear();
            if (await db.FindIdempotentResponseAsync(scope, requestId, parser, cancellationToken) is { } first)
            {
                return first;
            }

            throw;
        }

        db.AddIdempotentResponse(scope, requestId, response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Either a concurrent retry of the same request won (return its result) or a unique key is taken.
            db.ChangeTracker.Clear();
            return await db.FindIdempotentResponseAsync(scope, requestId, parser, cancellationToken)
                ?? throw (explainConflict is null ? null : await explainConflict())
                    ?? ApiException.AlreadyExists(resourceType, resourceName);
        }
    }

    /// <summary>Saves, turning a concurrent modification of the same row into ABORTED (AIP-154).</summary>
    public async Task SaveAsync(string resourceType, string resourceName, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ApiException.EtagMismatch(resourceType, resourceName);
        }
    }
}
