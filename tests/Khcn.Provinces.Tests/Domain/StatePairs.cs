namespace Khcn.Provinces.Tests.Domain;

/// <summary>Theory data for lifecycle tables: every (from, to) pair of the given states, self-pairs included.</summary>
internal static class StatePairs
{
    public static TheoryData<TState, TState> Every<TState>(params TState[] states)
    {
        var data = new TheoryData<TState, TState>();
        foreach (var from in states)
        {
            foreach (var to in states)
            {
                data.Add(from, to);
            }
        }

        return data;
    }
}
