using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Data;
using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using Entity = Khcn.Provinces.Domain.Directives.Directive;

namespace Khcn.Provinces.Application.Directives;

/// <summary>
/// Use cases of the Directive resource. Descriptive fields change through Update; the state only through
/// Start and Complete, each appending who/when/why to the history.
/// </summary>
public sealed class DirectiveService(
    ProvincesDbContext db, ResourceWrites writes, RecordClock clock, ProvinceDirectory provinces, ProvinceRecordWriteAccess access)
{
    public const string ResourceType = Domain.Directives.DirectiveLifecycle.ResourceType;

    private const string CreateScope = "khcn.provinces.v1.ProvincesService/CreateDirective";

    private static readonly UpdateMaskSchema UpdateMask = new(
        updatable: ["issued_by", "addressees", "topic", "summary", "due_date"],
        immutable: ["name", "province", "engagement"],
        outputOnly: ["state", "history", "etag", "create_time", "update_time", "issue_time"]);

    private static readonly OrderBySchema<Entity> OrderFields = new OrderBySchema<Entity>()
        .Field("issue_time", d => d.IssueTime)
        .Field("due_date", d => d.DueDate)
        .Field("create_time", d => d.CreateTime)
        .Field("update_time", d => d.UpdateTime);

    private static readonly DirectoryFilterSchema<Entity> FilterFields = new(provinces => new FilterSchema<Entity>()
        .ProvinceLineage("province", provinces, d => d.ProvinceCode)
        .Reference("engagement", EngagementMapping.Names, d => d.EngagementId)
        .Reference("issued_by", OfficialMapping.NamePattern, d => d.IssuedById)
        .Enum("state", d => d.State)
        .Bool("open", d => d.IsOpen)
        .Date("due_date", d => d.DueDate));

    private ResourceRows<Entity> Rows => new(db.Directives, DirectiveMapping.Names, ResourceType, writes);

    public async Task<Directive> GetAsync(GetDirectiveRequest request, CancellationToken cancellationToken) =>
        DirectiveMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListDirectivesResponse> ListAsync(ListDirectivesRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Directives.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            FilterFields.For(provinces),
            OrderFields,
            "issue_time",
            d => d.Id,
            cancellationToken);
        var response = new ListDirectivesResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Directives.AddRange(page.Items.Select(DirectiveMapping.ToProto));
        return response;
    }

    public async Task<Directive> CreateAsync(CreateDirectiveRequest request, CancellationToken cancellationToken)
    {
        await access.DemandReferenceAsync(ResourceType, request.Directive?.Province, cancellationToken);
        var directive = await writes.CreateOnceAsync(CreateScope, request.RequestId, Directive.Parser, async () =>
        {
            var input = request.Directive ?? throw RequestCheck.Missing("directive");
            var check = new RequestCheck(provinces);
            RequestCheck.OptionalResourceId(check.Fields, request.DirectiveId, "directive_id");

            // Issued at the engagement (its date decides which province code was in use), else today.
            var engagement = await check.EngagementAndProvinceAsync(
                db, clock, input.Engagement, input.Province, "directive", cancellationToken);
            await ValidateDescriptionAsync(check, input, cancellationToken);
            check.ThrowIfInvalid("The directive has invalid fields.");

            var (id, name) = await Rows.ClaimAsync(request.DirectiveId, cancellationToken);
            var entity = DirectiveMapping.ToEntity(input, id, engagement, clock.UtcNow());
            db.Directives.Add(entity);
            return (DirectiveMapping.ToProto(entity), ResourceType, name);
        }, cancellationToken);

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandReferenceAsync(directive.Name, directive.Province, cancellationToken);
        return directive;
    }

    public async Task<Directive> UpdateAsync(UpdateDirectiveRequest request, CancellationToken cancellationToken)
    {
        var input = request.Directive ?? throw RequestCheck.Missing("directive");
        var id = DirectiveMapping.Names.Parse(input.Name, "directive.name");
        var paths = UpdateMask.Resolve(request.UpdateMask);
        await DemandStoredAsync(input.Name, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, input.Name, input.Etag, cancellationToken);

        var merged = DirectiveMapping.ToProto(entity);
        foreach (var path in paths)
        {
            switch (path)
            {
                case "issued_by": merged.IssuedBy = input.IssuedBy; break;
                case "addressees":
                    merged.Addressees.Clear();
                    merged.Addressees.AddRange(input.Addressees);
                    break;
                case "topic": merged.Topic = input.Topic; break;
                case "summary": merged.Summary = input.Summary; break;
                case "due_date": merged.DueDate = input.DueDate; break;
                default: throw new InvalidOperationException($"Update path '{path}' has no merge rule.");
            }
        }

        var check = new RequestCheck(provinces);
        await ValidateDescriptionAsync(check, merged, cancellationToken);
        check.ThrowIfInvalid("The directive has invalid fields.");

        entity.IssuedById = OfficialMapping.NamePattern.Parse(merged.IssuedBy, "directive.issued_by");
        entity.Addressees = [.. merged.Addressees.Select(Nfc.Of)];
        entity.Topic = Nfc.Of(merged.Topic);
        entity.Summary = Nfc.Of(merged.Summary);
        entity.DueDate = ProtoConvert.ToSortable(merged.DueDate);
        entity.Version++;
        entity.UpdateTime = clock.UtcNow();
        await Rows.SaveAsync(input.Name, cancellationToken);
        return DirectiveMapping.ToProto(entity);
    }

    public async Task<Empty> DeleteAsync(DeleteDirectiveRequest request, CancellationToken cancellationToken)
    {
        await DemandStoredAsync(request.Name, cancellationToken);
        await Rows.DeleteAsync(request.Name, request.Etag, cancellationToken);
        return new Empty();
    }

    /// <summary>ISSUED → IN_PROGRESS.</summary>
    public Task<Directive> StartAsync(StartDirectiveRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            (directive, transition) => directive.Start(transition),
            cancellationToken);

    /// <summary>IN_PROGRESS → DONE.</summary>
    public Task<Directive> CompleteAsync(CompleteDirectiveRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            (directive, transition) => directive.Complete(transition),
            cancellationToken);

    private async Task<Directive> MoveAsync(ILifecycleRequest request, Action<Entity, Transition> move, CancellationToken cancellationToken)
    {
        await DemandStoredAsync(request.Name, cancellationToken);
        return DirectiveMapping.ToProto(await Rows.MoveAsync(LifecycleVerb.Of(request), clock.UtcNow(), _ => { }, move, cancellationToken));
    }

    // A directive never changes province: the stored one is the one to check.
    private Task DemandStoredAsync(string? name, CancellationToken cancellationToken) =>
        access.DemandStoredAsync(db.Directives, DirectiveMapping.Names, name, d => d.ProvinceCode, null, cancellationToken);

    private async Task ValidateDescriptionAsync(RequestCheck check, Directive directive, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(directive.IssuedBy))
        {
            check.Fields.Add("directive.issued_by", "is required");
        }
        else if (check.OptionalId(OfficialMapping.NamePattern, directive.IssuedBy, "directive.issued_by") is { } officialId)
        {
            await check.OfficialsExistAsync(db, [(officialId, "directive.issued_by")], cancellationToken);
        }

        check.Fields.Required(directive.Topic, "directive.topic");
        check.Date(directive.DueDate, "directive.due_date");
        for (var i = 0; i < directive.Addressees.Count; i++)
        {
            check.Fields.Required(directive.Addressees[i], $"directive.addressees[{i}]");
        }
    }
}
