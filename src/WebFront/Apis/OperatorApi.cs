using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Operators;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>Operator accounts: log in, who am I, the accounts (administrators), and the action log of every operator's changes.</summary>
public static class OperatorApi
{
    public const int DefaultActionPageSize = 50;

    public static void MapOperatorApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        admin.MapPost("/login", (HttpRequest request, OperatorLogin login) => login.AnswerAsync(request)).ForAnyone();

        admin.MapGet("/me", (HttpContext context) =>
        {
            var me = SignedInOperator.Of(context);
            return EnvelopeAnswer.Success(new { account = me.Account, role = OperatorRoleNames.Of(me.Role!.Value), byAdminKey = me.ByAdminKey });
        }).ForViewers();

        admin.MapPut("/me/password", async (HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var data = new EnvelopeData(body.RootElement);
            var by = OperatorName.Of(request.HttpContext);
            var changed = await grains.GetGrain<IOperatorDirectoryGrain>(0).ChangeOwnPassword(by.Operator, data.Text("currentPassword", 256), data.Text("password", 1024), by);
            return EnvelopeAnswer.From(changed, view => view);
        }).ForViewers();

        admin.MapGet("/operators", async (IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IOperatorDirectoryGrain>(0).List())).ForAdministrators();

        admin.MapPost("/operators", async (HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var data = new EnvelopeData(body.RootElement);
            var (account, role, password) = (data.Text("account", 256), Role(data.Text("role", 32)), data.Text("password", 1024));
            return EnvelopeAnswer.From(await grains.GetGrain<IOperatorDirectoryGrain>(0).Create(account, role, password, OperatorName.Of(request.HttpContext)), view => view);
        }).ForAdministratorsOrBootstrap();

        admin.MapPut("/operators/{account}", async (string account, HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var data = new EnvelopeData(body.RootElement);
            var change = new OperatorAccountChange(
                data.OptionalText("role", 32) is { } role ? Role(role) : null, data.OptionalText("password", 1024), data.OptionalFlag("disabled"));
            return EnvelopeAnswer.From(await grains.GetGrain<IOperatorDirectoryGrain>(0).Change(account, change, OperatorName.Of(request.HttpContext)), view => view);
        }).ForAdministrators();

        admin.MapGet("/actions", async (string? page, string? pageSize, string? @operator, string? kind, IClusterClient grains) =>
        {
            var query = new OperatorActionQuery(
                Math.Max(QueryValue.Integer(page, "page") ?? 1, 1),
                Math.Clamp(QueryValue.Integer(pageSize, "pageSize") ?? DefaultActionPageSize, 1, OperatorActionQuery.MaxPageSize),
                string.IsNullOrWhiteSpace(@operator) ? null : @operator.Trim(),
                string.IsNullOrWhiteSpace(kind) ? null : kind.Trim());
            return EnvelopeAnswer.Success(await grains.GetGrain<IEvidenceGrain>(0).OperatorActions(query));
        }).ForViewers();
    }

    private static OperatorRole Role(string name) =>
        OperatorRoleNames.Parse(name)
        ?? throw new EnvelopeRejection(ReturnCode.InvalidField, $"role: must be {string.Join(", ", OperatorRoleNames.All)}");
}
