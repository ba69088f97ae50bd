namespace Khcn.Grpc.Net.Client.Tests.Infrastructure;

/// <summary>Generous limits so a loaded 2-core machine never fails a test by timing; only hangs are caught.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    public static Task<T> OrHang<T>(this Task<T> task) => task.WaitAsync(Hang);

    public static Task OrHang(this Task task) => task.WaitAsync(Hang);
}
