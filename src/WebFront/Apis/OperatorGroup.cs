using Supervision.WebFront.Declarations;
using Supervision.WebFront.OpenApi;

namespace Supervision.WebFront.Apis;

/// <summary>
/// A group of the operator's routes (every /admin route but the login): what they share is declared here once — the
/// refusal of a wrong body or query as the envelope, the stored-key check of the keys their paths name, their section
/// of the reference, and the answers and codes of a refused caller and of a fault.
/// </summary>
public static class OperatorGroup
{
    public static RouteGroupBuilder MapOperatorGroup(this IEndpointRouteBuilder routes, string prefix = "/admin") =>
        routes.MapGroup(prefix).AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>()
            .WithTags(ApiSections.OperatorTag).AnswersRefusals().AnswersFaults()
            .Fails([.. ApiSections.OperatorCodes, .. ApiSections.ServiceCodes]);
}
