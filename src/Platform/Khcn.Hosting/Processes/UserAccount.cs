using System.Runtime.InteropServices;
using System.Text;

namespace Khcn.Hosting.Processes;

/// <summary>A local user's ids, from the system's user database (getpwnam_r: /etc/passwd, LDAP, whatever NSS says).</summary>
internal sealed record UserAccount(string Name, uint UserId, uint GroupId)
{
    private const int NotEnoughBuffer = 34; // ERANGE

    /// <summary>The account named <paramref name="name"/>, or null when there is none.</summary>
    public static UserAccount? Find(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name + '\0');
        for (var bufferSize = 1024; bufferSize <= 1 << 20; bufferSize *= 4)
        {
            var buffer = new byte[bufferSize];
            var error = GetPasswordEntry(nameBytes, out var entry, buffer, (nuint)buffer.Length, out var result);
            if (error == NotEnoughBuffer)
            {
                continue;
            }

            return error == 0 && result != IntPtr.Zero ? new UserAccount(name, entry.UserId, entry.GroupId) : null;
        }

        return null;
    }

    // struct passwd from <pwd.h>; only the ids are read, the strings point into the buffer.
    [StructLayout(LayoutKind.Sequential)]
    private struct PasswordEntry
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint UserId;
        public uint GroupId;
        public IntPtr Gecos;
        public IntPtr HomeDirectory;
        public IntPtr Shell;
    }

    [DllImport("libc", EntryPoint = "getpwnam_r")]
    private static extern int GetPasswordEntry(byte[] name, out PasswordEntry entry, byte[] buffer, nuint bufferLength, out IntPtr result);
}
