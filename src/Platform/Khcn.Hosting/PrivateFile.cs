namespace Khcn.Hosting;

/// <summary>
/// Files that hold a secret (Redis's config with its password, initdb's password file): readable by their owner only
/// from the moment they exist, because a password on a command line is visible to every user in <c>ps</c>.
/// </summary>
internal static class PrivateFile
{
    /// <summary>Writes <paramref name="content"/> to a new file with mode 0600, replacing any file of that name.</summary>
    public static void Write(string path, string content)
    {
        File.Delete(path);
        using var stream = new FileStream(path, OwnerOnly());
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    /// <summary>Writes <paramref name="content"/> to a new file with mode 0600, replacing any file of that name.</summary>
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        File.Delete(path);
        await using var stream = new FileStream(path, OwnerOnly());
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static FileStreamOptions OwnerOnly() => new()
    {
        Mode = FileMode.CreateNew,
        Access = FileAccess.Write,
        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
    };
}
