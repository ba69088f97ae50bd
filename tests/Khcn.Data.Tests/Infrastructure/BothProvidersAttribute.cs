using System.Reflection;
using Xunit.Sdk;

namespace Khcn.Data.Tests.Infrastructure;

/// <summary>Runs a theory once on a real SQLite file and once on the real PostgreSQL server.</summary>
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [DatabaseProvider.Sqlite],
        [DatabaseProvider.PostgreSql],
    ];
}
