using Google.Api;
using Google.Protobuf.Reflection;

namespace Khcn.Services.Tests.Contracts;

/// <summary>
/// The API conventions (Google AIPs) every contract in src/Protos must follow, checked
/// on the descriptors the generated code actually loads at runtime.
/// </summary>
public class ProtoConventionTests
{
    private static readonly Dictionary<string, string> ExpectedCsharpNamespaces = new()
    {
        ["khcn.audit.v1"] = "Khcn.Audit.V1",
        ["khcn.provinces.v1"] = "Khcn.Provinces.V1",
        ["khcn.tasks.v1"] = "Khcn.Tasks.V1",
        ["khcn.ip.v1"] = "Khcn.IntellectualProperty.V1",
    };

    public static TheoryData<string> ListMethods => ContractCatalog.MethodNames(m => m.Name.StartsWith("List", StringComparison.Ordinal));
    public static TheoryData<string> UpdateMethods => ContractCatalog.MethodNames(m => m.Name.StartsWith("Update", StringComparison.Ordinal));
    public static TheoryData<string> CreateMethods => ContractCatalog.MethodNames(m => m.Name.StartsWith("Create", StringComparison.Ordinal));
    public static TheoryData<string> DeleteMethods => ContractCatalog.MethodNames(m => m.Name.StartsWith("Delete", StringComparison.Ordinal));
    public static TheoryData<string> GetMethods => ContractCatalog.MethodNames(m => m.Name.StartsWith("Get", StringComparison.Ordinal));
    public static TheoryData<string> LifecycleMethods => ContractCatalog.MethodNames(m => m.InputType.FindFieldByName("actor") is not null);

    [Fact]
    public void Catalog_CoversTheThreeApis()
    {
        var packages = ContractCatalog.Files.Select(f => f.Package).Distinct().Order().ToArray();
        Assert.Equal(["khcn.audit.v1", "khcn.ip.v1", "khcn.provinces.v1", "khcn.tasks.v1"], packages);
        Assert.Equal(
            ["khcn.audit.v1.AuditService", "khcn.ip.v1.IntellectualPropertyService", "khcn.provinces.v1.ProvincesService", "khcn.tasks.v1.TasksService"],
            ContractCatalog.Services.Select(s => s.FullName).Order().ToArray());
    }

    [Fact]
    public void PackageMatchesFolder()
    {
        foreach (var file in ContractCatalog.Files)
        {
            var folder = file.Name[..file.Name.LastIndexOf('/')];
            Assert.True(folder == file.Package.Replace('.', '/'), $"{file.Name} declares package {file.Package}");
        }
    }

    [Fact]
    public void PackageEndsWithMajorVersion()
    {
        foreach (var file in ContractCatalog.Files)
        {
            Assert.Matches(@"^khcn\.[a-z]+\.v\d+$", file.Package);
        }
    }

    [Fact]
    public void CsharpNamespace_IsTheAgreedNamespaceOfThePackage()
    {
        foreach (var file in ContractCatalog.Files)
        {
            var options = file.GetOptions();
            Assert.True(ExpectedCsharpNamespaces[file.Package] == options.CsharpNamespace, $"{file.Name}: {options.CsharpNamespace}");
            Assert.False(string.IsNullOrEmpty(options.GoPackage), $"{file.Name} has no go_package");
            Assert.False(string.IsNullOrEmpty(options.JavaPackage), $"{file.Name} has no java_package");
        }
    }

    [Fact]
    public void EveryEnum_HasUnspecifiedZeroValue()
    {
        foreach (var enumType in ContractCatalog.Enums)
        {
            var zero = enumType.FindValueByNumber(0);
            Assert.True(zero is not null, $"{enumType.FullName} has no zero value");
            Assert.Equal(ProtoNaming.ToScreamingSnake(enumType.Name) + "_UNSPECIFIED", zero!.Name);
            Assert.Same(zero, enumType.Values[0]);
        }
    }

    [Fact]
    public void EnumValues_AreUpperSnakeCase()
    {
        foreach (var value in ContractCatalog.Enums.SelectMany(e => e.Values))
        {
            Assert.True(ProtoNaming.IsUpperSnake(value.Name), value.FullName);
        }
    }

    [Fact]
    public void FieldNames_AreLowerSnakeCase()
    {
        foreach (var field in ContractCatalog.Messages.SelectMany(m => m.Fields.InDeclarationOrder()))
        {
            Assert.True(ProtoNaming.IsLowerSnake(field.Name), field.FullName);
        }
    }

    [Theory]
    [MemberData(nameof(ListMethods))]
    public void ListRequests_HavePageSizeAndPageToken(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        AssertField(descriptor.InputType, "page_size", FieldType.Int32);
        AssertField(descriptor.InputType, "page_token", FieldType.String);
        AssertField(descriptor.InputType, "filter", FieldType.String);
        AssertField(descriptor.InputType, "order_by", FieldType.String);
        Assert.Equal(descriptor.Name + "Request", descriptor.InputType.Name);
        Assert.Equal(descriptor.Name + "Response", descriptor.OutputType.Name);
    }

    [Theory]
    [MemberData(nameof(ListMethods))]
    public void ListResponses_HaveNextPageTokenAndRepeatedResults(string method)
    {
        var response = ContractCatalog.Method(method).OutputType;
        AssertField(response, "next_page_token", FieldType.String);
        var first = response.Fields.InFieldNumberOrder()[0];
        Assert.True(first.IsRepeated && first.FieldType == FieldType.Message, $"{response.FullName}: field 1 must be the repeated results");
        Assert.False(first.IsMap);
    }

    [Theory]
    [MemberData(nameof(UpdateMethods))]
    public void UpdateRequests_HaveUpdateMask(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        var mask = AssertField(descriptor.InputType, "update_mask", FieldType.Message);
        Assert.Equal("google.protobuf.FieldMask", mask.MessageType.FullName);
        var resourceField = AssertField(descriptor.InputType, ProtoNaming.ToSnake(descriptor.OutputType.Name), FieldType.Message);
        Assert.Same(descriptor.OutputType, resourceField.MessageType);
    }

    [Theory]
    [MemberData(nameof(UpdateMethods))]
    public void UpdatableResources_HaveOutputOnlyEtag(string method)
    {
        var resource = ContractCatalog.Method(method).OutputType;
        var etag = AssertField(resource, "etag", FieldType.String);
        Assert.Contains(FieldBehavior.OutputOnly, Behaviors(etag));
    }

    [Theory]
    [MemberData(nameof(CreateMethods))]
    public void CreateRequests_HaveResourceIdAndRequestId(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        var resourceName = ProtoNaming.ToSnake(descriptor.OutputType.Name);
        var resourceField = AssertField(descriptor.InputType, resourceName, FieldType.Message);
        Assert.Same(descriptor.OutputType, resourceField.MessageType);
        Assert.Contains(FieldBehavior.Required, Behaviors(resourceField));
        AssertField(descriptor.InputType, resourceName + "_id", FieldType.String);
        AssertField(descriptor.InputType, "request_id", FieldType.String);
    }

    [Theory]
    [MemberData(nameof(DeleteMethods))]
    public void DeleteRequests_TakeNameAndEtag_AndReturnEmpty(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        Assert.Equal("google.protobuf.Empty", descriptor.OutputType.FullName);
        Assert.Contains(FieldBehavior.Required, Behaviors(AssertField(descriptor.InputType, "name", FieldType.String)));
        AssertField(descriptor.InputType, "etag", FieldType.String);
    }

    [Theory]
    [MemberData(nameof(GetMethods))]
    public void GetRequests_TakeRequiredNameReferencingTheResource(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        var name = AssertField(descriptor.InputType, "name", FieldType.String);
        Assert.Contains(FieldBehavior.Required, Behaviors(name));
        var resource = descriptor.OutputType.GetOptions()?.GetExtension(ResourceExtensions.Resource);
        Assert.NotNull(resource);
        Assert.Equal(resource!.Type, name.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference)?.Type);
    }

    [Theory]
    [MemberData(nameof(LifecycleMethods))]
    public void LifecycleMethods_RecordActorTimeReasonDocument_AndReturnTheResource(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        AssertField(descriptor.InputType, "name", FieldType.String);
        AssertField(descriptor.InputType, "etag", FieldType.String);
        Assert.Contains(FieldBehavior.Required, Behaviors(AssertField(descriptor.InputType, "actor", FieldType.String)));
        Assert.Equal("google.protobuf.Timestamp", AssertField(descriptor.InputType, "event_time", FieldType.Message).MessageType.FullName);
        AssertField(descriptor.InputType, "reason", FieldType.String);
        AssertField(descriptor.InputType, "document_reference", FieldType.String);
        Assert.NotNull(descriptor.OutputType.GetOptions()?.GetExtension(ResourceExtensions.Resource));
        Assert.NotNull(descriptor.OutputType.FindFieldByName("state"));
    }

    [Fact]
    public void Resources_HaveNameFieldFirst_AndLowerCamelCollectionIds()
    {
        var resources = ContractCatalog.Messages.Where(m => m.GetOptions()?.GetExtension(ResourceExtensions.Resource) is not null).ToList();
        Assert.Equal(
            [
                "audit.khcn.gov.vn/AuditEvent",
                "ip.khcn.gov.vn/Asset", "ip.khcn.gov.vn/AssetEvent",
                "provinces.khcn.gov.vn/Department", "provinces.khcn.gov.vn/Directive", "provinces.khcn.gov.vn/Engagement",
                "provinces.khcn.gov.vn/Official", "provinces.khcn.gov.vn/Province", "provinces.khcn.gov.vn/ProvinceOverview",
                "provinces.khcn.gov.vn/Recommendation", "provinces.khcn.gov.vn/ReportedFigure",
                "tasks.khcn.gov.vn/Programme", "tasks.khcn.gov.vn/Task", "tasks.khcn.gov.vn/TaskEvent",
            ],
            resources.Select(m => m.GetOptions().GetExtension(ResourceExtensions.Resource).Type).Order(StringComparer.Ordinal).ToArray());
        foreach (var message in resources)
        {
            var resource = message.GetOptions().GetExtension(ResourceExtensions.Resource);
            Assert.Matches(@"^[a-z]+\.khcn\.gov\.vn/" + message.Name + "$", resource.Type);
            var name = message.Fields.InFieldNumberOrder()[0];
            Assert.Equal("name", name.Name);
            Assert.Equal(FieldType.String, name.FieldType);
            Assert.NotEmpty(resource.Pattern);
            foreach (var pattern in resource.Pattern)
            {
                foreach (var segment in pattern.Split('/').Where(s => !s.StartsWith('{')))
                {
                    Assert.Matches("^[a-z][a-zA-Z]*$", segment);
                }
            }
        }
    }

    [Fact]
    public void ResourceReferences_PointToDeclaredResourceTypes()
    {
        var declared = ContractCatalog.Messages
            .Select(m => m.GetOptions()?.GetExtension(ResourceExtensions.Resource)?.Type)
            .Where(t => t is not null)
            .ToHashSet();
        var references = ContractCatalog.Messages
            .SelectMany(m => m.Fields.InDeclarationOrder())
            .Select(f => (Field: f, Type: f.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference)?.Type))
            .Where(r => r.Type is not null)
            .ToList();
        Assert.NotEmpty(references);
        foreach (var (field, type) in references)
        {
            Assert.True(declared.Contains(type), $"{field.FullName} refers to undeclared {type}");
        }
    }

    [Fact]
    public void Instants_AreTimestamps_AndCivilDates_AreGoogleTypeDate()
    {
        foreach (var field in ContractCatalog.Messages.SelectMany(m => m.Fields.InDeclarationOrder()))
        {
            if (field.Name.EndsWith("_time", StringComparison.Ordinal))
            {
                Assert.True(field.MessageType?.FullName == "google.protobuf.Timestamp", $"{field.FullName} should be a Timestamp");
            }
            if (field.Name.EndsWith("_date", StringComparison.Ordinal) || field.Name is "date" or "valid_on" or "as_of" or "expire_before" or "valid_from" or "valid_to")
            {
                Assert.True(field.MessageType?.FullName == "google.type.Date", $"{field.FullName} should be a google.type.Date");
            }
        }
    }

    [Fact]
    public void EveryMethodButClientStreaming_DeclaresAnHttpRule()
    {
        foreach (var method in ContractCatalog.Methods)
        {
            var rule = HttpRuleOf(method);
            if (method.IsClientStreaming)
            {
                Assert.True(rule is null, $"{method.FullName}: client streaming has no HTTP mapping");
                continue;
            }
            Assert.True(rule is not null, $"{method.FullName} declares no google.api.http rule");
            Assert.StartsWith("/v1/", PathOf(rule!));
        }
    }

    [Theory]
    [MemberData(nameof(GetMethods))]
    public void GetMethods_MapToHttpGetOnTheName(string method)
    {
        var rule = HttpRuleOf(ContractCatalog.Method(method))!;
        Assert.Equal(HttpRule.PatternOneofCase.Get, rule.PatternCase);
        Assert.StartsWith("/v1/{name=", rule.Get);
        Assert.Empty(rule.Body);
    }

    [Theory]
    [MemberData(nameof(UpdateMethods))]
    public void UpdateMethods_MapToHttpPatchWithTheResourceAsBody(string method)
    {
        var descriptor = ContractCatalog.Method(method);
        var rule = HttpRuleOf(descriptor)!;
        var resource = ProtoNaming.ToSnake(descriptor.OutputType.Name);
        Assert.Equal(HttpRule.PatternOneofCase.Patch, rule.PatternCase);
        Assert.StartsWith($"/v1/{{{resource}.name=", rule.Patch);
        Assert.Equal(resource, rule.Body);
    }

    [Theory]
    [MemberData(nameof(LifecycleMethods))]
    public void LifecycleMethods_MapToHttpPostColonVerb(string method)
    {
        var rule = HttpRuleOf(ContractCatalog.Method(method))!;
        Assert.Equal(HttpRule.PatternOneofCase.Post, rule.PatternCase);
        Assert.Matches(@"^/v1/\{name=[a-zA-Z]+/\*\}:[a-z][a-zA-Z]*$", rule.Post);
        Assert.Equal("*", rule.Body);
    }

    [Fact]
    public void ImportOnlyCopies_LinkToCommonProtosDescriptors()
    {
        // The google/* files under src/Protos/imports are compiled as imports only; at
        // runtime our descriptors must resolve to the ones embedded in Google.Api.CommonProtos.
        var filingDate = Khcn.IntellectualProperty.V1.Asset.Descriptor.FindFieldByName("filing_date");
        Assert.Same(Google.Type.Date.Descriptor, filingDate.MessageType);

        var importError = Khcn.Tasks.V1.ImportTaskResult.Descriptor.FindFieldByName("error");
        Assert.Same(Google.Rpc.Status.Descriptor, importError.MessageType);

        var etag = Khcn.Tasks.V1.Task.Descriptor.FindFieldByName("etag");
        Assert.Equal([FieldBehavior.OutputOnly], Behaviors(etag));

        var resource = Khcn.Tasks.V1.Task.Descriptor.GetOptions().GetExtension(ResourceExtensions.Resource);
        Assert.Equal("tasks.khcn.gov.vn/Task", resource.Type);
        Assert.Equal(["tasks/{task}"], resource.Pattern);

        var approve = Khcn.Tasks.V1.TasksService.Descriptor.FindMethodByName("ApproveTask").GetOptions().GetExtension(AnnotationsExtensions.Http);
        Assert.Equal("/v1/{name=tasks/*}:approve", approve.Post);
    }

    private static HttpRule? HttpRuleOf(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    private static string PathOf(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
        _ => "",
    };

    private static FieldDescriptor AssertField(MessageDescriptor message, string name, FieldType type)
    {
        var field = message.FindFieldByName(name);
        Assert.True(field is not null, $"{message.FullName} has no field {name}");
        Assert.True(field!.FieldType == type, $"{field.FullName} is {field.FieldType}, expected {type}");
        return field;
    }

    private static IReadOnlyList<FieldBehavior> Behaviors(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) is { } behaviors
            ? behaviors.ToList()
            : [];
}
