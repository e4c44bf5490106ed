using System.ComponentModel;
using Supervision.Contracts.Study;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>POST /admin/flags/{id}: the operator's decision on a crowd or bot flag.</summary>
public sealed record FlagVerdict(
    [property: QueryChoice(FlagDecision.VoidName, FlagDecision.ClearName, Demanded = true),
        Description("void takes back the credit since the flag; clear keeps it")] string Decision)
    : IQueryDeclaration<FlagVerdict>
{
    public bool Voids => Decision == FlagDecision.VoidName;
}
