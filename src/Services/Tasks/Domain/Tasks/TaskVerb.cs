namespace Khcn.Tasks.Domain.Tasks;

/// <summary>The lifecycle verbs of a task (AIP-136 custom methods SelectTask … ReplicateTask).</summary>
public enum TaskVerb
{
    Select,
    Approve,
    Contract,
    Start,
    Adjust,
    Extend,
    Accept,
    Fail,
    Terminate,
    Replicate,
}
