using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;

namespace Khcn.Aip.Tests.FieldMasks;

public sealed class UpdateMaskSchemaTests
{
    private static readonly UpdateMaskSchema Schema = new(
        ["display_name", "summary", "source.document_id"],
        immutable: ["province"],
        outputOnly: ["create_time", "etag"]);

    private static FieldMask Mask(params string[] paths)
    {
        var mask = new FieldMask();
        mask.Paths.Add(paths);
        return mask;
    }

    [Fact]
    public void Listed_updatable_paths_are_returned()
    {
        Assert.Equal(["display_name", "source.document_id"], Schema.Resolve(Mask("display_name", "source.document_id", "display_name")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Wildcard_means_every_updatable_field()
    {
        Assert.Equal(["display_name", "source.document_id", "summary"], Schema.Resolve(Mask("*")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_mask_is_required()
    {
        Assert.Equal("update_mask", Assert.Single(Assert.Throws<ApiException>(() => Schema.Resolve(null)).Violations).Field);
        Assert.Equal("update_mask", Assert.Single(Assert.Throws<ApiException>(() => Schema.Resolve(new FieldMask())).Violations).Field);
    }

    [Fact]
    public void Every_bad_path_is_reported_with_its_index_and_reason()
    {
        var e = Assert.Throws<ApiException>(() => Schema.Resolve(Mask("display_name", "province", "create_time", "displayName")));

        Assert.Equal(ApiErrorCode.InvalidArgument, e.Code);
        Assert.Collection(
            e.Violations,
            v => Assert.Equal(("update_mask.paths[1]", "'province' is immutable: it can only be set at creation"), (v.Field, v.Description)),
            v => Assert.Equal(("update_mask.paths[2]", "'create_time' is output only: the server sets it"), (v.Field, v.Description)),
            v => Assert.Equal(("update_mask.paths[3]", "unknown field 'displayName'; updatable: display_name, summary, source.document_id"), (v.Field, v.Description)));
    }

    [Fact]
    public void Wildcard_must_stand_alone()
    {
        var e = Assert.Throws<ApiException>(() => Schema.Resolve(Mask("*", "summary")));

        Assert.Equal("update_mask.paths[0]", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Outermost_paths_drop_the_paths_inside_another_given_path()
    {
        var paths = UpdateMaskSchema.OutermostPaths(["source", "source.document_id", "summary", "summary_note"]);

        Assert.Equal(["source", "summary", "summary_note"], paths);
    }
}
