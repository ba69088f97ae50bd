using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// AIP-155 request_id support. The pattern in a write RPC:
/// <code>
/// if (await db.FindIdempotentResponseAsync(scope, request.RequestId, Engagement.Parser, ct) is { } done) return done;
/// ... make the change ...
/// db.AddIdempotentResponse(scope, request.RequestId, response);
/// await db.SaveChangesAsync(ct);   // one transaction: the write and its record commit or roll back together
/// </code>
/// If two calls with the same request_id race, the loser's SaveChanges throws a <see cref="DbUpdateException"/>
/// that <see cref="DbErrors.IsUniqueViolation"/> recognises; it then re-reads the winner's response with a fresh context.
/// </summary>
public static class IdempotencyExtensions
{
    /// <summary>The stored response for (<paramref name="scope"/>, <paramref name="requestId"/>), or null (always null without a request id).</summary>
    public static Task<TResponse?> FindIdempotentResponseAsync<TResponse>(
        this DbContext db, string scope, string? requestId, MessageParser<TResponse> parser, CancellationToken ct)
        where TResponse : class, IMessage<TResponse> =>
        db.FindIdempotentResponseAsync(scope, requestId, parser, requestHash: "", ct);

    /// <summary>
    /// As above; when both this <paramref name="requestHash"/> and the stored one are non-empty and differ, the
    /// request_id was reused for another request and <see cref="IdempotencyKeyReusedException"/> is thrown.
    /// </summary>
    public static async Task<TResponse?> FindIdempotentResponseAsync<TResponse>(
        this DbContext db, string scope, string? requestId, MessageParser<TResponse> parser, string requestHash, CancellationToken ct)
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(parser);
        if (string.IsNullOrEmpty(requestId)) return null;

        var record = await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.RequestId == requestId, ct);
        if (record is null) return null;
        if (requestHash.Length > 0 && record.RequestHash.Length > 0 && requestHash != record.RequestHash)
        {
            throw new IdempotencyKeyReusedException(scope, requestId);
        }
        var response = parser.ParseFrom(record.Response);
        if (response.Descriptor.FullName != record.ResponseType)
        {
            throw new InvalidOperationException(
                $"Idempotency record {scope}/{requestId} holds a {record.ResponseType}, not a {response.Descriptor.FullName}.");
        }
        return response;
    }

    /// <summary>
    /// Adds the record to the change tracker; the caller's SaveChanges stores it in the same transaction as the write.
    /// Does nothing without a request id.
    /// </summary>
    public static void AddIdempotentResponse(this DbContext db, string scope, string? requestId, IMessage response, string requestHash = "")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(response);
        if (string.IsNullOrEmpty(requestId)) return;
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Scope = scope,
            RequestId = requestId,
            RequestHash = requestHash ?? "",
            ResponseType = response.Descriptor.FullName,
            Response = response.ToByteArray(),
            CreateTime = DateTime.UtcNow,
        });
    }

    /// <summary>A fingerprint of a request (SHA-256 of its binary form) for the requestHash arguments.</summary>
    public static string ComputeRequestHash(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray()));
    }

    /// <summary>Deletes records created before <paramref name="olderThan"/>; AIP-155 only asks for a bounded retention.</summary>
    public static Task<int> PurgeIdempotencyRecordsAsync(this DbContext db, DateTime olderThan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = DateTime.SpecifyKind(olderThan.ToUniversalTime(), DateTimeKind.Utc);
        return db.Set<IdempotencyRecord>().Where(r => r.CreateTime < cutoff).ExecuteDeleteAsync(ct);
    }
}
