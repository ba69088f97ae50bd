using Google.Protobuf.Reflection;

namespace Khcn.Services.Tests.Contracts;

/// <summary>
/// Every lifecycle request (the six common fields of an AIP-136 custom method) implements <see cref="ILifecycleRequest"/>,
/// so a new custom method cannot forget its partial declaration and hand-copy the fields instead.
/// </summary>
public sealed class LifecycleRequestTests
{
    private static readonly string[] CommonFields = ["name", "etag", "actor", "event_time", "reason", "document_reference"];

    public static TheoryData<string> LifecycleRequests()
    {
        var data = new TheoryData<string>();
        foreach (var message in ContractCatalog.Messages.Where(HasCommonFields))
        {
            data.Add(message.FullName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LifecycleRequests))]
    public void A_request_with_the_lifecycle_fields_implements_ILifecycleRequest(string message)
    {
        var descriptor = ContractCatalog.Messages.Single(m => m.FullName == message);

        Assert.True(typeof(ILifecycleRequest).IsAssignableFrom(descriptor.ClrType), $"{descriptor.ClrType.Name} lacks 'partial class … : ILifecycleRequest'");
    }

    [Fact]
    public void The_check_finds_the_lifecycle_requests_of_all_three_services()
    {
        // Tasks 10 (Select … Replicate), IntellectualProperty 11 (StartFormalityExamination … Withdraw), Provinces 6
        // (directives Start/Complete, recommendations Assign/Start/Answer/Decline): a field rename would hide them.
        var services = ContractCatalog.Messages.Where(HasCommonFields).Select(m => m.FullName.Split('.')[1]).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["tasks"] = 10, ["ip"] = 11, ["provinces"] = 6 }, services);
    }

    private static bool HasCommonFields(MessageDescriptor message) =>
        CommonFields.All(name => message.FindFieldByName(name) is not null);
}
