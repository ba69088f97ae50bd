using System.Text;

namespace Grpc.Core;

public sealed partial class Metadata
{
    /// <summary>One key/value pair. Immutable.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Creates a binary entry; the key must end with "-bin".</summary>
        public Entry(string key, byte[] valueBytes)
        {
            ArgumentNullException.ThrowIfNull(valueBytes);
            Key = NormalizeKey(key);
            if (!HasBinarySuffix(Key))
            {
                throw new ArgumentException($"Key '{Key}' must end with \"{BinaryHeaderSuffix}\" to carry a binary value.", nameof(key));
            }

            // Copy so later changes to the caller's array cannot alter the entry.
            _valueBytes = (byte[])valueBytes.Clone();
        }

        /// <summary>Creates a string entry; the key must not end with "-bin".</summary>
        public Entry(string key, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Key = NormalizeKey(key);
            if (HasBinarySuffix(Key))
            {
                throw new ArgumentException($"Key '{Key}' ends with \"{BinaryHeaderSuffix}\" and must be given a byte[] value.", nameof(key));
            }

            _value = value;
        }

        /// <summary>Normalised (lowercase) key.</summary>
        public string Key { get; }

        /// <summary>Copy of the binary value; for string entries, the value encoded as ASCII.</summary>
        public byte[] ValueBytes => _valueBytes is not null ? (byte[])_valueBytes.Clone() : Encoding.ASCII.GetBytes(_value!);

        /// <summary>String value; throws for binary entries.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"Entry '{Key}' has a binary value; use ValueBytes.");

        public bool IsBinary => _valueBytes is not null;

        public override string ToString() => IsBinary
            ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(_valueBytes!)}]"
            : $"[Entry: key={Key}, value={_value}]";

        internal bool KeyEqualsIgnoreCase(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

        internal static bool HasBinarySuffix(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase);

        private static string NormalizeKey(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            var normalized = key.ToLowerInvariant();
            if (normalized.Length == 0 || !IsLegalKey(normalized))
            {
                throw new ArgumentException(
                    $"Metadata key '{key}' is not valid: keys may only contain lowercase letters, digits, '.', '_' and '-'.",
                    nameof(key));
            }

            return normalized;
        }

        private static bool IsLegalKey(string key)
        {
            foreach (var c in key)
            {
                var legal = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-';
                if (!legal)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
