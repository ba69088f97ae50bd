using Aspire.Hosting;

namespace Khcn.Hosting.Tests.AppModel;

/// <summary>Project metadata as the AppHost build generates it, for a project that is never run.</summary>
public sealed class TestProject : IProjectMetadata
{
    public string ProjectPath => "/src/Services/Test/Khcn.Test.csproj";

    public string TargetPath => "/src/Services/Test/bin/Debug/net10.0/Khcn.Test.dll";
}
