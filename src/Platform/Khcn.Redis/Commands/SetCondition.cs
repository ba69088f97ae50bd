namespace Khcn.Redis;

/// <summary>When <c>SET</c> writes.</summary>
public enum SetCondition
{
    /// <summary>Always.</summary>
    Always,

    /// <summary>Only if the key does not exist (<c>NX</c>): the basis of locks and idempotency reservations.</summary>
    NotExists,

    /// <summary>Only if the key exists (<c>XX</c>).</summary>
    Exists,
}
