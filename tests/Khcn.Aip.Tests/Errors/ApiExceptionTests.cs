using Khcn.Aip;

namespace Khcn.Aip.Tests.Errors;

public sealed class ApiExceptionTests
{
    [Theory]
    [InlineData("khcn.provinces.v1.Province", "PROVINCE_NOT_FOUND", "Province \"provinces/45\" was not found.")]
    [InlineData("khcn.provinces.v1.ReportedFigure", "REPORTED_FIGURE_NOT_FOUND", "ReportedFigure \"provinces/45\" was not found.")]
    [InlineData("khcn.ip.v1.IPAsset", "IP_ASSET_NOT_FOUND", "IPAsset \"provinces/45\" was not found.")]
    [InlineData("Task", "TASK_NOT_FOUND", "Task \"provinces/45\" was not found.")]
    [InlineData("tasks.khcn.gov.vn/Task", "TASK_NOT_FOUND", "Task \"provinces/45\" was not found.")]
    public void Not_found_reason_is_the_upper_snake_short_type_name(string type, string reason, string message)
    {
        var e = ApiException.NotFound(type, "provinces/45");

        Assert.Equal((ApiErrorCode.NotFound, reason, message), (e.Code, e.Reason, e.Message));
        Assert.Equal((type, "provinces/45"), (e.ResourceType, e.ResourceName));
    }

    [Fact]
    public void Already_exists_names_the_resource()
    {
        var e = ApiException.AlreadyExists("khcn.tasks.v1.Task", "tasks/abc");

        Assert.Equal((ApiErrorCode.AlreadyExists, "TASK_ALREADY_EXISTS"), (e.Code, e.Reason));
        Assert.Equal(("khcn.tasks.v1.Task", "tasks/abc"), (e.ResourceType, e.ResourceName));
    }

    [Fact]
    public void Etag_mismatch_is_aborted()
    {
        var e = ApiException.EtagMismatch("khcn.tasks.v1.Task", "tasks/abc");

        Assert.Equal((ApiErrorCode.Aborted, "ETAG_MISMATCH", "tasks/abc"), (e.Code, e.Reason, e.ResourceName));
    }

    [Fact]
    public void Invalid_state_transition_is_a_failed_precondition_with_both_states()
    {
        var e = ApiException.InvalidStateTransition("khcn.tasks.v1.Task", "tasks/abc", "PROPOSED", "ACCEPTED");

        Assert.Equal((ApiErrorCode.FailedPrecondition, "INVALID_STATE_TRANSITION"), (e.Code, e.Reason));
        Assert.Equal("PROPOSED", e.Metadata["from_state"]);
        Assert.Equal("ACCEPTED", e.Metadata["to_state"]);
        Assert.Contains("PROPOSED", e.Message);
    }

    [Fact]
    public void Invalid_argument_carries_its_violations()
    {
        var e = ApiException.InvalidArgument("Bad.", new FieldViolation("a", "x"), new FieldViolation("b", "y"));

        Assert.Equal((ApiErrorCode.InvalidArgument, "INVALID_ARGUMENT"), (e.Code, e.Reason));
        Assert.Equal(["a", "b"], e.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Failed_precondition_keeps_reason_metadata_and_resource()
    {
        var e = ApiException.FailedPrecondition("PROVINCE_CLOSED", "Closed.", new Dictionary<string, string> { ["successor"] = "provinces/44" }, "khcn.provinces.v1.Province", "provinces/45");

        Assert.Equal(("PROVINCE_CLOSED", "provinces/44", "provinces/45"), (e.Reason, e.Metadata["successor"], e.ResourceName));
        Assert.Empty(e.Violations);
    }
}
