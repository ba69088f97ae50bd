using System.Collections;

namespace Grpc.Core;

/// <summary>
/// Ordered multimap of call headers or trailers. Keys are normalised to lowercase and may only contain
/// [a-z0-9._-]; keys ending in "-bin" carry binary values, all others carry (ASCII) string values.
/// </summary>
public sealed partial class Metadata : IList<Metadata.Entry>
{
    /// <summary>Suffix that marks a key as carrying a binary value.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>Shared empty, read-only instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = [];
    private bool _readOnly;

    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            CheckWriteable();
            _entries[index] = value;
        }
    }

    public int Count => _entries.Count;

    public bool IsReadOnly => _readOnly;

    /// <summary>Last entry with the given key, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].KeyEqualsIgnoreCase(key))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>String value of the last entry with the given key, or null. Throws for binary keys.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>Binary value of the last entry with the given key, or null. String values are returned as ASCII bytes.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>All entries with the given key, in insertion order.</summary>
    public IEnumerable<Entry> GetAll(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.KeyEqualsIgnoreCase(key))
            {
                yield return entry;
            }
        }
    }

    public void Add(string key, string value) => Add(new Entry(key, value));

    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWriteable();
        _entries.Add(item);
    }

    public int IndexOf(Entry item) => _entries.IndexOf(item);

    public void Insert(int index, Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWriteable();
        _entries.Insert(index, item);
    }

    public void RemoveAt(int index)
    {
        CheckWriteable();
        _entries.RemoveAt(index);
    }

    public void Clear()
    {
        CheckWriteable();
        _entries.Clear();
    }

    public bool Contains(Entry item) => _entries.Contains(item);

    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public bool Remove(Entry item)
    {
        CheckWriteable();
        return _entries.Remove(item);
    }

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    /// <summary>Makes this instance read-only (used for shared instances such as <see cref="Empty"/>).</summary>
    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    private void CheckWriteable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("Metadata instance is read-only.");
        }
    }
}
