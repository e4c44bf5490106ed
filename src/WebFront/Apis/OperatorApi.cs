using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Operators;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.OpenApi;
using Supervision.WebFront.Queries;
using static Supervision.WebFront.OpenApi.OperatorShapes;

namespace Supervision.WebFront.Apis;

/// <summary>Operator accounts: log in, who am I, the accounts (administrators), and the action log of every operator's changes.</summary>
public static class OperatorApi
{
    public const int DefaultActionPageSize = 50;

    public static void MapOperatorApi(this IEndpointRouteBuilder routes)
    {
        // The login answers no refusal of its caller (it is how a caller is had): its own group, without the operator group's.
        routes.MapGroup("/admin").WithTags(ApiSections.OperatorTag).AnswersFaults()
            .MapPost("/login", (HttpRequest request, OperatorLogin login) => login.AnswerAsync(request)).ForAnyone()
            .WithSummary("Log in as an operator")
            .WithDescription("`{account, password}` give `{token, expiresAt, account, role}`: send `Authorization: Bearer <token>` on every other /admin "
                + "route. A session lasts 8 hours; changing the account (role, password, disabled) ends it at once. After five wrong passwords "
                + "for one account from one address, or twenty from all addresses, the account waits before its next try there (1 minute, "
                + "doubling up to an hour); wrong passwords also count against the address's limit on wrong operator credentials.")
            .Reads<OperatorLoginData>().AnswersEnvelope()
            .Produces<EnvelopeShapes.EnvelopeReply>(StatusCodes.Status401Unauthorized)
            .Fails([ReturnCode.LoginFailed, .. ApiSections.ServiceCodes]);

        var admin = routes.MapOperatorGroup();

        admin.MapGet("/me", (HttpContext context) =>
        {
            var me = SignedInOperator.Of(context);
            return EnvelopeAnswer.Success(new { account = me.Account, role = OperatorRoleNames.Of(me.Role!.Value), byAdminKey = me.ByAdminKey });
        }).ForViewers()
            .WithSummary("Who is signed in").WithDescription("The session's account and its role now.").AnswersEnvelope();

        admin.MapPut("/me/password", async (HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var data = new EnvelopeData(body.RootElement);
            var by = OperatorName.Of(request.HttpContext);
            var changed = await grains.GetGrain<IOperatorDirectoryGrain>(0).ChangeOwnPassword(by.Operator, data.Text("currentPassword", 256), data.Text("password", 1024), by);
            return EnvelopeAnswer.From(changed, view => view);
        }).ForViewers()
            .WithSummary("Change your own password")
            .WithDescription("`{currentPassword, password}`: the signed-in operator's new password (12 to 256 characters); a wrong current one answers 1106 and "
                + "counts as a failed login. Ends the account's sessions, this one included: log in again. Recorded as `operator_account` evidence.")
            .Reads<OwnPasswordData>().AnswersEnvelope().Fails(ReturnCode.LoginFailed);

        admin.MapGet("/operators", async (IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IOperatorDirectoryGrain>(0).List())).ForAdministrators()
            .WithSummary("Operator accounts").WithDescription("Every account: role, disabled, created when and by whom, changed when. Administrators only.")
            .AnswersEnvelope();

        admin.MapPost("/operators", async (HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var data = new EnvelopeData(body.RootElement);
            var (account, role, password) = (data.Text("account", 256), Role(data.Text("role", 32)), data.Text("password", 1024));
            return EnvelopeAnswer.From(await grains.GetGrain<IOperatorDirectoryGrain>(0).Create(account, role, password, OperatorName.Of(request.HttpContext)), view => view);
        }).ForAdministratorsOrBootstrap()
            .WithSummary("Create an operator account")
            .WithDescription("`{account, role, password}`: role viewer (reads), reviewer (also decides face reviews and flags) or administrator (also "
                + "changes policy, platforms, accounts, pulls, retries); a password of 12 to 256 characters, kept as a salted PBKDF2 hash. "
                + "Administrators only, and the shared admin key while no administrator exists (the bootstrap). Recorded as `operator_account` "
                + "evidence.")
            .Reads<OperatorAccountData>().AnswersEnvelope().Fails(ReturnCode.Conflict);

        admin.MapPut("/operators/{account}", async (string account, HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var data = new EnvelopeData(body.RootElement);
            var change = new OperatorAccountChange(
                data.OptionalText("role", 32) is { } role ? Role(role) : null, data.OptionalText("password", 1024), data.OptionalFlag("disabled"));
            return EnvelopeAnswer.From(await grains.GetGrain<IOperatorDirectoryGrain>(0).Change(account, change, OperatorName.Of(request.HttpContext)), view => view);
        }).ForAdministrators()
            .WithSummary("Change an operator account")
            .WithDescription("Any of `{role, password, disabled}`; the account's sessions end at once. The last administrator can be neither demoted nor "
                + "disabled (1208). Recorded as `operator_account` evidence with the standing before and after (a password only as changed).")
            .Reads<OperatorAccountData>().AnswersEnvelope().Fails(ReturnCode.OperatorNotFound, ReturnCode.Conflict);

        admin.MapGet("/actions", async (ActionLogPage page, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IEvidenceGrain>(0).OperatorActions(page.Query()))).ForViewers()
            .WithSummary("The action log")
            .WithDescription("Every operator's actions, newest first: policy, approvals, platform registrations, pulls, retries, face reviews, flag "
                + "decisions and account changes, each with who, when, from where, and its details (before and after). `{total, page, "
                + "pageSize, items}`, filtered and a page at a time (the parameters).")
            .AnswersEnvelope();
    }

    private static OperatorRole Role(string name) =>
        OperatorRoleNames.Parse(name)
        ?? throw new EnvelopeRejection(ReturnCode.InvalidField, $"role: must be {string.Join(", ", OperatorRoleNames.All)}");
}
