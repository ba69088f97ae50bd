using Google.Protobuf;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Provinces.Application.Common;

/// <summary>
/// The two write rules every resource shares. Creates are idempotent by request_id (AIP-155): the
/// response is stored in the same transaction as the row, so a retry returns the first result and a
/// crash leaves either both or neither. Saves map a lost optimistic-concurrency race to ABORTED.
/// </summary>
public sealed class ResourceWrites(ProvincesDbContext db)
{
    /// <summary>
    /// Runs <paramref name="create"/> (which adds rows to the context and returns the response, unsaved)
    /// unless <paramref name="requestId"/> was already used for <paramref name="scope"/>.
    /// </summary>
    public async Task<TResponse> CreateOnceAsync<TResponse>(
        string scope,
        string? requestId,
        MessageParser<TResponse> parser,
        Func<Task<(TResponse Response, string ResourceType, string ResourceName)>> create,
        CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        RequestIds.Validate(requestId);
        var previous = await db.FindIdempotentResponseAsync(scope, requestId, parser, cancellationToken);
        if (previous is not null)
        {
            return previous;
        }

        var (response, resourceType, resourceName) = await create();
        db.AddIdempotentResponse(scope, requestId, response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Either a concurrent retry of the same request won (return its result) or the id is taken.
            db.ChangeTracker.Clear();
            return await db.FindIdempotentResponseAsync(scope, requestId, parser, cancellationToken)
                ?? throw ApiException.AlreadyExists(resourceType, resourceName);
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
