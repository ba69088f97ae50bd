using System.Text;

namespace Grpc.Core;

/// <summary>A named, binary-valued property of an authenticated peer (e.g. "x509_common_name").</summary>
public sealed class AuthProperty
{
    private readonly byte[] _valueBytes;

    private AuthProperty(string name, byte[] valueBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(valueBytes);
        Name = name;
        _valueBytes = valueBytes;
    }

    public string Name { get; }

    /// <summary>Value decoded as UTF-8.</summary>
    public string Value => Encoding.UTF8.GetString(_valueBytes);

    /// <summary>Copy of the raw value.</summary>
    public byte[] ValueBytes => (byte[])_valueBytes.Clone();

    public static AuthProperty Create(string name, byte[] valueBytes)
    {
        ArgumentNullException.ThrowIfNull(valueBytes);
        return new AuthProperty(name, (byte[])valueBytes.Clone());
    }
}
