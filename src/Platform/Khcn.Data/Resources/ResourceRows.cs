using Khcn.Aip;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// The stored rows of one resource kind, found by resource name the same way for every resource: a malformed name is
/// INVALID_ARGUMENT on its field, a missing row NOT_FOUND, a stale etag ABORTED, a taken id ALREADY_EXISTS.
/// </summary>
public sealed class ResourceRows<TEntity>(DbSet<TEntity> rows, ResourceNamePattern names, string resourceType, ResourceWrites writes)
    where TEntity : class, IVersionedResource
{
    /// <summary>The row named by a Get request's <c>name</c>, untracked.</summary>
    public Task<TEntity> GetAsync(string name, CancellationToken cancellationToken) =>
        FindAsync(rows.AsNoTracking(), names.Parse(name, "name"), name, cancellationToken);

    /// <summary>The row to change, tracked, once <paramref name="etag"/> (when given) is known to be current.</summary>
    public async Task<TEntity> FindForWriteAsync(string id, string name, string? etag, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(rows, id, name, cancellationToken);
        Etags.EnsureMatches(etag, entity.Version, resourceType, name);
        return entity;
    }

    /// <summary>The id (the client's or a new random one) and name of a row about to be created; ALREADY_EXISTS when taken.</summary>
    public async Task<(string Id, string Name)> ClaimAsync(string? requestedId, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrEmpty(requestedId) ? ResourceIds.New() : requestedId;
        var name = names.Format(id);
        if (await rows.AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw ApiException.AlreadyExists(resourceType, name);
        }

        return (id, name);
    }

    /// <summary>Saves the changes made to a row found by <see cref="FindForWriteAsync"/>.</summary>
    public Task SaveAsync(string name, CancellationToken cancellationToken) => writes.SaveAsync(resourceType, name, cancellationToken);

    /// <summary>A standard Delete: the row named by <c>name</c>, under its etag.</summary>
    public async Task DeleteAsync(string name, string? etag, CancellationToken cancellationToken)
    {
        var entity = await FindForWriteAsync(names.Parse(name, "name"), name, etag, cancellationToken);
        rows.Remove(entity);
        await SaveAsync(name, cancellationToken);
    }

    /// <summary>
    /// One lifecycle verb (AIP-136): the name, the who/when/why and the verb's own fields (<paramref name="validateVerb"/>)
    /// are checked together, then <paramref name="move"/> changes the row under its etag and the version goes up.
    /// </summary>
    public Task<TEntity> MoveAsync(
        LifecycleVerb verb,
        DateTime now,
        Action<Validator> validateVerb,
        Action<TEntity, Transition> move,
        CancellationToken cancellationToken) =>
        MoveAsync(verb, now, validateVerb, move, static (_, _) => { }, cancellationToken);

    /// <summary>
    /// <see cref="MoveAsync(LifecycleVerb, DateTime, Action{Validator}, Action{TEntity, Transition}, CancellationToken)"/>
    /// for a resource whose history lives in rows of its own: <paramref name="beforeSave"/> runs once the version went
    /// up and before the save, so the history entry it adds sees the new version and commits with the row, or not at all.
    /// </summary>
    public async Task<TEntity> MoveAsync(
        LifecycleVerb verb,
        DateTime now,
        Action<Validator> validateVerb,
        Action<TEntity, Transition> move,
        Action<TEntity, Transition> beforeSave,
        CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var hasName = names.TryParse(verb.Name, out var ids);
        validator.Check(hasName, "name", $"must look like {names.Pattern}");
        var transition = TransitionInput.Read(validator, verb.Actor, verb.EventTime, verb.Reason, verb.DocumentReference, now);
        validateVerb(validator);
        validator.ThrowIfInvalid();

        var entity = await FindForWriteAsync(ids[0], verb.Name, verb.Etag, cancellationToken);
        move(entity, transition);
        entity.Version++;
        beforeSave(entity, transition);
        await SaveAsync(verb.Name, cancellationToken);
        return entity;
    }

    private async Task<TEntity> FindAsync(IQueryable<TEntity> source, string id, string name, CancellationToken cancellationToken) =>
        await source.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw ApiException.NotFound(resourceType, name);
}
