using Grpc.Core;
using Khcn.Provinces.Overview;

namespace Khcn.Provinces.Tests.Overview;

public sealed class StatusCodeNamesTests
{
    public static TheoryData<StatusCode> AllCodes() => new(Enum.GetValues<StatusCode>());

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Missing_part_status_code_is_the_canonical_google_rpc_Code_name(StatusCode code)
    {
        // google.rpc.Code is the published list of canonical names (OK, DEADLINE_EXCEEDED, ...), by number.
        var canonical = Google.Rpc.CodeReflection.Descriptor.EnumTypes.Single(e => e.Name == "Code").FindValueByNumber((int)code);

        Assert.NotNull(canonical);
        Assert.Equal(canonical.Name, StatusCodeNames.Of(code));
    }
}
