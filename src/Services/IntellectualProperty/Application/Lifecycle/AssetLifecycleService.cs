using Khcn.Aip;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.Access;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Application.History;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;

namespace Khcn.IntellectualProperty.Application.Lifecycle;

/// <summary>
/// The eleven lifecycle methods of an asset (AIP-136). Each checks the request (name, actor, event time and the verb's
/// own fields, all violations at once), then, under the etag, lets the asset apply the verb (the domain refuses a verb
/// its state does not allow before any other check) and saves the asset with ONE history event in the same transaction.
/// </summary>
public sealed class AssetLifecycleService(
    IpDbContext db, ResourceWrites writes, RecordClock clock, AssetHistory history, AssetWriteAccess access)
{
    private static readonly Action<Validator> NoVerbFields = _ => { };

    private ResourceRows<IpAsset> Rows => new(db.Assets, AssetMapping.Names, AssetMapping.ResourceType, writes);

    /// <summary>FILED → FORMALITY_EXAMINATION.</summary>
    public Task<Asset> StartFormalityExaminationAsync(StartAssetFormalityExaminationRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            (asset, _) => asset.StartFormalityExamination(),
            cancellationToken);

    /// <summary>FORMALITY_EXAMINATION → ACCEPTED_AS_VALID.</summary>
    public Task<Asset> AcceptAsync(AcceptAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            (asset, _) => asset.Accept(),
            cancellationToken);

    /// <summary>ACCEPTED_AS_VALID → PUBLISHED; publication_date required, not before the filing date.</summary>
    public Task<Asset> PublishAsync(PublishAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => RequiredDate(validator, request.PublicationDate, "publication_date"),
            (asset, _) => asset.Publish(DateOf(request.PublicationDate)),
            cancellationToken);

    /// <summary>PUBLISHED → SUBSTANTIVE_EXAMINATION.</summary>
    public Task<Asset> StartSubstantiveExaminationAsync(StartAssetSubstantiveExaminationRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            (asset, _) => asset.StartSubstantiveExamination(),
            cancellationToken);

    /// <summary>SUBSTANTIVE_EXAMINATION → IN_FORCE; grant_number and grant_date required; the term is computed.</summary>
    public Task<Asset> GrantAsync(GrantAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator =>
            {
                validator.Required(request.GrantNumber, "grant_number");
                RequiredDate(validator, request.GrantDate, "grant_date");
            },
            (asset, _) => asset.Grant(request.GrantNumber, DateOf(request.GrantDate)),
            cancellationToken);

    /// <summary>FORMALITY_EXAMINATION | SUBSTANTIVE_EXAMINATION → REFUSED; reason required.</summary>
    public Task<Asset> RefuseAsync(RefuseAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Reason, "reason"),
            (asset, _) => asset.Refuse(),
            cancellationToken);

    /// <summary>
    /// IN_FORCE with the next term, when requested (request_date, default the Viet Nam date of the event) inside the
    /// renewal window or the grace period.
    /// </summary>
    public Task<Asset> RenewAsync(RenewAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Add(PartialDate.Validate(request.RequestDate, "request_date", requireComplete: true)),
            (asset, transition) => asset.Renew(
                PartialDate.FromProto(request.RequestDate) is null ? VietnamCalendar.DateOfUtc(transition.EventTime) : DateOf(request.RequestDate)),
            cancellationToken);

    /// <summary>IN_FORCE → EXPIRED once protection has ended for good on the (Viet Nam) date of the event.</summary>
    public Task<Asset> ExpireAsync(ExpireAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            (asset, transition) => asset.Expire(VietnamCalendar.DateOfUtc(transition.EventTime)),
            cancellationToken);

    /// <summary>IN_FORCE → TERMINATED; reason required.</summary>
    public Task<Asset> TerminateAsync(TerminateAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Reason, "reason"),
            (asset, _) => asset.Terminate(),
            cancellationToken);

    /// <summary>IN_FORCE → INVALIDATED; reason required.</summary>
    public Task<Asset> InvalidateAsync(InvalidateAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Reason, "reason"),
            (asset, _) => asset.Invalidate(),
            cancellationToken);

    /// <summary>Any pending state → WITHDRAWN.</summary>
    public Task<Asset> WithdrawAsync(WithdrawAssetRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            (asset, _) => asset.Withdraw(),
            cancellationToken);

    /// <summary>A real-world date the verb cannot do without: present, and a complete, existing day.</summary>
    private static void RequiredDate(Validator validator, Google.Type.Date? date, string field)
    {
        if (PartialDate.FromProto(date) is null)
        {
            validator.Add(field, "is required");
        }
        else
        {
            validator.Add(PartialDate.Validate(date, field, requireComplete: true));
        }
    }

    /// <summary>A date the request validation already found complete and valid.</summary>
    private static DateOnly DateOf(Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    private async Task<Asset> MoveAsync(
        ILifecycleRequest request,
        Action<Validator> validateVerb,
        Func<IpAsset, Transition, AssetChange> apply,
        CancellationToken cancellationToken)
    {
        // No verb moves an asset to another province: the stored province is the one to check.
        await access.DemandStoredAsync(request.Name, null, cancellationToken);
        AssetChange? change = null;
        var asset = await Rows.MoveAsync(
            LifecycleVerb.Of(request),
            clock.UtcNow(),
            validateVerb,
            (asset, transition) =>
            {
                change = apply(asset, transition);
                // State and lifecycle dates feed the stored term and the search text (grant number).
                AssetMapping.RefreshDerived(asset);
                asset.UpdateTime = transition.RecordTime;
            },
            // After the version went up: the event's snapshot carries the etag the caller gets back.
            (asset, transition) => history.Record(
                asset, EventTypeOf(change!.Verb), change.PreviousState, transition, change.ChangedFields),
            cancellationToken);
        return AssetMapping.ToProto(asset);
    }

    private static EventType EventTypeOf(AssetVerb verb) => verb switch
    {
        AssetVerb.StartFormalityExamination => EventType.FormalityExaminationStarted,
        AssetVerb.Accept => EventType.AcceptedAsValid,
        AssetVerb.Publish => EventType.Published,
        AssetVerb.StartSubstantiveExamination => EventType.SubstantiveExaminationStarted,
        AssetVerb.Grant => EventType.Granted,
        AssetVerb.Refuse => EventType.Refused,
        AssetVerb.Renew => EventType.Renewed,
        AssetVerb.Expire => EventType.Expired,
        AssetVerb.Terminate => EventType.Terminated,
        AssetVerb.Invalidate => EventType.Invalidated,
        AssetVerb.Withdraw => EventType.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "No event type for this verb."),
    };
}
