namespace Supervision.Contracts.Classes;

public enum ApprovalStatus
{
    Pending = 0,
    Approved = 1,
}
