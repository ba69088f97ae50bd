using System.Runtime.CompilerServices;
using Khcn.Aip;
using Khcn.Provinces.Application.Provinces;

namespace Khcn.Provinces.Application.Common;

/// <summary>
/// A filter schema whose terms need the host's <see cref="ProvinceDirectory"/> (a province term expands the merger
/// lineage). Built once per directory, which is a singleton, rather than once per request; the terms still ask the
/// directory when a filter is compiled, so a reload is seen.
/// </summary>
internal sealed class DirectoryFilterSchema<T>(Func<ProvinceDirectory, FilterSchema<T>> build)
{
    private readonly ConditionalWeakTable<ProvinceDirectory, FilterSchema<T>> _built = new();

    public FilterSchema<T> For(ProvinceDirectory provinces) => _built.GetValue(provinces, directory => build(directory));
}
