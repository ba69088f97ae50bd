namespace Khcn.Data.Audit;

/// <summary>What a write did to a stored row; stored as its name ("Create", "Update", "Delete").</summary>
public enum AuditAction
{
    Create = 1,
    Update = 2,
    Delete = 3,
}
