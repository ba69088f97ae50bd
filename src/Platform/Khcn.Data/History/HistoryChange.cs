using Google.Protobuf;
using Khcn.Aip;

namespace Khcn.Data;

/// <summary>
/// What one history entry says about a change already applied to a resource: its type, the state before and after,
/// who/when/why (<see cref="Transition"/>), the field-mask paths it changed, and the resource right after it.
/// </summary>
public sealed record HistoryChange<TType, TState>(
    TType Type,
    TState PreviousState,
    TState NewState,
    Transition Transition,
    IEnumerable<string> ChangedFields,
    IMessage Snapshot)
    where TType : struct, Enum
    where TState : struct, Enum;
