using Khcn.Dashboard.Api;

namespace Khcn.Dashboard.Store;

/// <summary>One received log record with its level rank, so level filters compare numbers.</summary>
internal sealed record StoredLog(LogView View, int LevelRank);
