namespace Khcn.Security.Tests.Certificates;

/// <summary>A fresh folder for one test's PEM files, deleted with everything in it.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("khcn-certificates-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
