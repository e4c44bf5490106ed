using Supervision.Contracts;
using Supervision.WebFront.Requests;
using static Supervision.WebFront.OpenApi.BusinessPlatformShapes;
using static Supervision.WebFront.OpenApi.EnvelopeShapes;
using static Supervision.WebFront.OpenApi.OperatorShapes;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// The documentation of the endpoints not yet declared on their routes (the picture of 1.7, the operator's
/// and health routes; docs/api-reference.md), keyed by HTTP method and route pattern:
/// <see cref="ApiDocumentation.WithApiCatalog{TBuilder}"/> attaches the entry to whichever endpoint is mapped under
/// that pattern. Also the code lists every section's group declares.
/// </summary>
public static class ApiCatalog
{
    public const string LoginTag = "1.1 Login";
    public const string LearningTag = "Section 1: learning platforms";
    public const string BusinessTag = "Section 2: business platforms";
    public const string OperatorTag = "Operator";
    public const string HealthTag = "Health";

    private const string Json = "application/json";

    private const string PhotoServing =
        "Served only after its bytes decode as a whole JPEG or PNG, under the type decoded, with `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`.";

    public static readonly string[] EnvelopeCodes =
        [ReturnCode.MalformedEnvelope, ReturnCode.MissingField, ReturnCode.InvalidField, ReturnCode.BodyTooLarge, ReturnCode.UnsupportedContentType, ReturnCode.CrossSiteRequest];

    public static readonly string[] TokenCodes = [ReturnCode.TokenMissing, ReturnCode.TokenInvalid, ReturnCode.TokenExpired, ReturnCode.TokenRevoked, ReturnCode.WrongRole];

    /// <summary>What every operator route but the login may answer about its caller.</summary>
    private static readonly string[] OperatorCodes =
        [ReturnCode.OperatorSessionInvalid, ReturnCode.OperatorRoleRefused, ReturnCode.AdminKeyInvalid, ReturnCode.AdminKeyBootstrapOnly];

    public static readonly string[] ServiceCodes = [ReturnCode.TooManyRequests, ReturnCode.InternalError, ReturnCode.Unavailable, ReturnCode.StaleWrite];

    /// <summary>A photo's answer: binary, a JPEG or a PNG as its bytes decode (PhotoAnswer).</summary>
    private static readonly ApiResponse[] Pictures = [new(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "image/png")];

    private static readonly ApiResponse[] Faults =
    [
        new(StatusCodes.Status429TooManyRequests, typeof(EnvelopeReply)),
        new(StatusCodes.Status500InternalServerError, typeof(EnvelopeReply)),
        new(StatusCodes.Status503ServiceUnavailable, typeof(EnvelopeReply)),
    ];

    /// <summary>An operator route's refusals of its caller: no valid session or key (401), a role that may not use it (403).</summary>
    private static readonly ApiResponse[] Refusals =
        [new(StatusCodes.Status401Unauthorized, typeof(EnvelopeReply)), new(StatusCodes.Status403Forbidden, typeof(EnvelopeReply))];

    public static readonly IReadOnlyDictionary<string, ApiEntry> Entries = Build();

    public static ApiEntry? Find(string method, string routePattern) =>
        Entries.TryGetValue(Key(method, routePattern), out var entry) ? entry : null;

    private static string Key(string method, string routePattern) => $"{method} {routePattern}";

    private static Dictionary<string, ApiEntry> Build()
    {
        var entries = new Dictionary<string, ApiEntry>();

        void Operator(string method, string path, string summary, string description, Type? body, params string[] codes) =>
            entries.Add(Key(method, "/admin" + path), new ApiEntry(OperatorTag, summary, description, body,
                [new(StatusCodes.Status200OK, typeof(EnvelopeReply<object>)), .. Refusals, .. Faults],
                [.. OperatorCodes, .. body is null ? [] : EnvelopeCodes, .. codes, .. ServiceCodes]));

        entries.Add(Key("GET", "/api/v1/verificationImage/{bizCode}"), new ApiEntry(LearningTag, "1.7's pop-up code as a picture",
            "The `verificationImageUrl` of 1.7's answer: a PNG of the code for players that show a picture. The student's browser fetches it "
            + "without a token while the check is pending; afterwards it answers 404 with the envelope. A bizCode the server did not issue "
            + "(bizCodes are signed) answers 404 and 1401 without reaching the cluster. Sent with `X-Content-Type-Options: nosniff` and "
            + "`Cache-Control: no-store` (a one-time code).",
            null, [new(StatusCodes.Status200OK, typeof(Stream), "image/png"), new(StatusCodes.Status404NotFound, typeof(EnvelopeReply)), .. Faults],
            [ReturnCode.BizCodeUnknown, ReturnCode.BizCodeExpired, ReturnCode.BizCodeUsed, .. ServiceCodes]));

        Operator("POST", "/platforms", "Register or update a platform account",
            "Learning platforms need `apiBaseUrl`. Re-registering a code changes its name, password and URLs; its role cannot change. "
            + "Recorded as `platform_registration` evidence: the record before and after, the password only as set or changed, the "
            + "outbound token only as set, changed, removed or unchanged.",
            typeof(PlatformRegistrationData), ReturnCode.Conflict);
        Operator("GET", "/platforms", "List platforms", "Every registered platform, without password hashes.", null);
        Operator("GET", "/classes/{classCode}", "A class", "Roster, course tree, policy, approval and push status; `proposedPolicy` is a weaker policy the business platform "
            + "re-pushed after the operator fixed the policy, waiting for the operator (not in force, not pushed).", null, ReturnCode.ClassNotFound);
        Operator("PUT", "/classes/{classCode}/policy", "Set a class's supervision policy",
            "Under 1.12's field names; fields left out take their defaults. Fixes the policy: a business platform's later re-push "
            + "can tighten it but a weaker one only waits as `proposedPolicy`; setting the proposed policy accepts it. Recorded as "
            + "`class_policy` evidence with the signed-in account, the caller's address, and the policy before and after.", typeof(ClassPolicyData), ReturnCode.ClassNotFound);
        Operator("POST", "/classes/{classCode}/approve", "Approve a class",
            "Approval queues the push to the learning platform (1.12); approving an approved class pushes it again. Recorded as "
            + "`class_approval` evidence with the signed-in account and the caller's address.", null, ReturnCode.ClassNotFound, ReturnCode.InvalidField);
        Operator("GET", "/classes/{classCode}/actions", "A class's operator actions",
            "Approvals, policy changes and delivery retries on the class, newest first, with who (the signed-in account, or the business "
            + "platform for a re-pushed policy), from where and when.", null);
        Operator("GET", "/classes/{classCode}/students/{studentUserCode}", "A student in a class",
            "Open session, recent sessions, credit per video, today's total and anomalies: the learner's in the class and the person's "
            + "own (a registered photo swapped after study began), which count for every class the person is on.", null);
        Operator("GET", "/classes/{classCode}/students/{studentUserCode}/checks", "A student's anti-idle checks",
            "Every issued check, attempt and pass, from the evidence ledger.", null);
        Operator("GET", "/anomalies", "Anomalies",
            "Newest first; filter by `classCode`, `kind` (see /admin/anomaly-kinds), `since` (inclusive) and `until` (exclusive), "
            + "ISO 8601 times; at most `limit` (500 by default, 5,000 at most) from `offset` (0). Each row names its kind in words "
            + "(`kindWords` {zh, en}) and says why in words (`words`).", null, ReturnCode.InvalidField);
        const string RiskFilters =
            "One China `day` (yyyy-MM-dd, today by default); filter by `classCode`, `platformCode` (the learning platform) and `kind`; "
            + "`limit` rows (50 by default, 200 at most) from `offset`. Answers `{day, total, rows}`, riskiest first: most seconds "
            + "withheld (what the anomalies kept from credit: docs/console.md), then most anomalies, then the latest. ";
        Operator("GET", "/risk/learners", "Who is cheating: learners ranked",
            RiskFilters + "A row is one learner in one class: classCode, className, studentUserCode, platformCode, anomalies, "
            + "withheldSeconds, firstAt, lastAt and kinds [{kind, count}].", null, ReturnCode.InvalidField);
        Operator("GET", "/risk/classes", "Which classes are worst",
            RiskFilters + "A row is one class: code, name, platformCode, learners (flagged), anomalies, withheldSeconds, lastAt, kinds.",
            null, ReturnCode.InvalidField);
        Operator("GET", "/risk/platforms", "Which learning platforms are worst",
            RiskFilters + "A row is one learning platform (code): learners (flagged), anomalies, withheldSeconds, lastAt, kinds.",
            null, ReturnCode.InvalidField);
        Operator("GET", "/words", "Kinds in words",
            "What each anomaly kind (`anomalies`) and evidence kind (`events`) is called, `{zh, en}` by code.", null);
        Operator("GET", "/flags", "Crowd and bot flags",
            "The anomalies check_answer_bot and crowd_lockstep, newest first, each with `review` = under_review, void or clear; filter by "
            + "`classCode` and `review`; at most `limit` (500). A flag keeps the learner's credit until an operator voids it "
            + "(docs/study-rules.md \"Flags\").", null, ReturnCode.InvalidField);
        Operator("POST", "/flags/{id:long}", "Decide a crowd or bot flag",
            "`decision` = void (takes back what the learner was credited in the class from the flag's `since` to now, as credit_voided "
            + "evidence; 2.5 answers less) or clear (the credit stays). Recorded as `flag_decision` evidence with the signed-in account "
            + "and the caller's address. Decided once; answers id, kind, decision, operator, at, voidedSeconds.",
            null, ReturnCode.InvalidField, ReturnCode.Conflict);
        Operator("GET", "/anomaly-kinds", "Anomaly kinds", "Every kind of anomaly the ledger records (docs/study-rules.md).", null);
        Operator("GET", "/classes", "List classes",
            "Newest first, `limit` per page (50 by default, 200 at most) from `offset`; `search` matches part of the class code, name or "
            + "organisation. Answers `{total, classes}` with each class's platforms, approval, push versions and counts.", null);
        Operator("GET", "/classes/{classCode}/students", "A class's students and their study",
            "Every student on the roster: name, masked ID number, credit per video, total, today's total (China day), whether studying now.",
            null, ReturnCode.ClassNotFound);
        Operator("GET", "/classes/{classCode}/students/{studentUserCode}/timeline", "A student's timeline",
            "Every evidence row of the student in the class, newest first: sessions, reports, checks (a face attempt names its photo), "
            + "recordings; at most `limit` (500). Each row says what happened in words (`kindWords`, `words`, `outcomeWords`: {zh, en}); "
            + "a face attempt's outcome is its judgement, whatever its returnCode.", null);
        Operator("GET", "/activity", "Live activity",
            "From committed reports: learners with an accepted report in the last 2 minutes and reports a second over the last 10 s.", null);
        entries.Add(Key("GET", "/admin/classes/{classCode}/records.csv"), new ApiEntry(OperatorTag, "A class's study records as CSV",
            "The rows of 2.5 with the student's name, for an auditor: UTF-8 with a byte-order mark; a field that a spreadsheet would run "
            + "as a formula is escaped.",
            null,
            [new(StatusCodes.Status200OK, null, "text/csv"), .. Refusals,
                new(StatusCodes.Status404NotFound, typeof(EnvelopeReply)), .. Faults],
            [.. OperatorCodes, ReturnCode.ClassNotFound, .. ServiceCodes]));
        entries.Add(Key("GET", "/admin/evidence/export"), new ApiEntry(OperatorTag, "A class's sealed evidence bundle",
            "Every evidence chain holding the class's records (`classCode`; optional `from` inclusive and `to` exclusive, ISO 8601 "
            + "times, elide records outside them), the daily seals with the class's proofs and the seal keys, as JSON lines for an "
            + "auditor to verify offline with scripts/verify-evidence.sh (docs/evidence-export.md).",
            null,
            [new(StatusCodes.Status200OK, null, "application/x-ndjson"), .. Refusals,
                new(StatusCodes.Status404NotFound, typeof(EnvelopeReply)), .. Faults],
            [.. OperatorCodes, ReturnCode.MissingField, ReturnCode.InvalidField, ReturnCode.ClassNotFound, .. ServiceCodes]));
        Operator("GET", "/students/{cardNo}", "A student by ID number",
            "Identity, photo history and real-name result.", null, ReturnCode.StudentNotFound);
        Operator("GET", "/deliveries", "Deliveries to learning platforms",
            "1.12 pushes and 1.14 pulls from the outbox, newest first: id, kind, platformCode, classCode, status, attempts, lastError, "
            + "nextAttemptAt. `status` = pending, retrying, delivered, dead, or failed (retrying and dead); at most `limit` (500).", null);
        Operator("GET", "/grain-messages", "Messages between grains that keep failing",
            "A passed check to its student-class (`pass`) or a reviewer's rejection (`rejection`) the dispatcher could not hand over "
            + "(docs/write-path.md), longest failing first: `{total, rows}`, each row id, kind, kindWords {zh, en}, classCode, "
            + "studentUserCode, subject (the check's bizCode or the photo's id), status, attempts, attemptLimit, lastError, errorWords "
            + "{zh, en}, createdAt, nextAttemptAt. `status` = failed (retrying and dead, the default), retrying or dead; `limit` rows "
            + "(50 by default, 200 at most) from `offset`. A dead one is retried with POST /admin/deliveries/{id}/retry.", null, ReturnCode.InvalidField);
        Operator("POST", "/deliveries/{id:long}/retry", "Retry a dead delivery",
            "Gives a delivery that was given up a fresh budget of attempts, starting now (docs/delivery.md). Recorded as "
            + "`delivery_retry` evidence on its class with the signed-in account and the caller's address.", null,
            ReturnCode.DeliveryNotFound, ReturnCode.Conflict, ReturnCode.InvalidField);
        Operator("GET", "/charts/activity", "Study a minute",
            "Every minute with study over the last `hours` (1 by default, 1–24): learners whose first report of the minute it was, reports, "
            + "reports a second, credited seconds; from the ledger's aggregate (docs/console.md \"Charts\").", null, ReturnCode.InvalidField);
        Operator("GET", "/charts/credit", "Credit a day",
            "Seconds credited a China day per class (`classCode`, `className`) and learning platform over the last `days` (7 by default, "
            + "1–31), net of credit a review voided that day.", null, ReturnCode.InvalidField);
        Operator("GET", "/charts/anomalies", "Anomalies a day",
            "Anomalies raised a China day by kind over the last `days` (7 by default, 1–31).", null, ReturnCode.InvalidField);
        Operator("GET", "/face-reviews", "Face checks waiting for review",
            "Photos whose score is within the review band of the threshold (docs/face.md \"Review\"), one item per learner in a class "
            + "however many of their photos wait, a page at a time: `{total, page, pageSize, items}`, `total` counting learners under the "
            + "filter. `page` from 1, `pageSize` 20 by default (at most 100); `platformCode` (the learning platform that sent the photo) and "
            + "`classCode` filter; `sort` = risk (default: learners with a pass in the band first, the pass nearest the threshold first, then "
            + "more attempts, then the latest) or newest (latest attempt first). An item is its riskiest photo (photoId, at, bizCode, "
            + "machineDecision, score, threshold, band) with classCode, studentUserCode, platformCode, attempts, passes, latestAt, and "
            + "referenceDigest: the SHA-256 (hex) of the registered photo that photo was compared against, null for a photo stored before "
            + "those were kept.", null, ReturnCode.InvalidField);
        Operator("POST", "/face-reviews/{photoId:long}", "Decide a face check",
            "`decision` = same_person (recorded, changes nothing) or not_the_same_person (voids the credit the check's pass let the video "
            + "earn until the next pass, raises face_review_rejected). Decided once; answers photoId, decision, operator, at, voidedSeconds.",
            null, ReturnCode.InvalidField, ReturnCode.Conflict);
        Operator("POST", "/platforms/{code}/pull", "Pull a learning platform's catalogue now",
            "Queues a 1.14 pull of every page into the course store; the schedule pulls on its own as well. Recorded as "
            + "`catalogue_pull` evidence with the signed-in account and the caller's address.", null,
            ReturnCode.PlatformNotFound, ReturnCode.Conflict);
        entries.Add(Key("GET", "/admin/check-photos/{id:long}"), new ApiEntry(OperatorTag, "A judged check photo",
            "The image of one 1.6 attempt (personal data: operator only), as named by a check_attempt evidence row. " + PhotoServing
            + " Stored bytes that are not such an image answer 404 and 1208.",
            null,
            [.. Pictures, .. Refusals,
                new(StatusCodes.Status404NotFound, typeof(EnvelopeReply)), .. Faults],
            [.. OperatorCodes, ReturnCode.InvalidField, ReturnCode.Conflict, .. ServiceCodes]));
        entries.Add(Key("GET", "/admin/face-reviews/{photoId:long}/registered-photo"), new ApiEntry(OperatorTag, "The registered photo a check photo was compared against",
            "The registered two-inch photo (personal data: operator only) exactly as check photo `photoId` was compared against it, kept "
            + "with the check photo, whatever the student's registered photo or the bytes behind its URL are now. For a photo stored before "
            + "those were kept (its queue item has no referenceDigest): the photo registered when the check was made, fetched now. "
            + PhotoServing + " A photo that cannot be shown answers 404 and 1308.",
            null,
            [.. Pictures, .. Refusals,
                new(StatusCodes.Status404NotFound, typeof(EnvelopeReply)), .. Faults],
            [.. OperatorCodes, ReturnCode.InvalidField, ReturnCode.ReferencePhotoUnusable, .. ServiceCodes]));

        entries.Add(Key("GET", "/admin/anomalies/{id:long}/photos/{side}"), new ApiEntry(OperatorTag, "The two photos of a swap",
            "For a photo_changed_after_study anomaly `id`: the photo registered before the swap (`side` = before) or the one swapped in "
            + "(after), fetched now from the address the anomaly names (personal data: operator only), through the same fetch rule as a "
            + "face check. " + PhotoServing + " Another anomaly, a wrong side or a photo that cannot be fetched answers 1003 or 1308.",
            null,
            [.. Pictures, .. Refusals,
                new(StatusCodes.Status404NotFound, typeof(EnvelopeReply)), .. Faults],
            [.. OperatorCodes, ReturnCode.InvalidField, ReturnCode.ReferencePhotoUnusable, .. ServiceCodes]));

        entries.Add(Key("POST", "/admin/login"), new ApiEntry(OperatorTag, "Log in as an operator",
            "`{account, password}` give `{token, expiresAt, account, role}`: send `Authorization: Bearer <token>` on every other /admin "
            + "route. A session lasts 8 hours; changing the account (role, password, disabled) ends it at once. After five wrong passwords "
            + "for one account from one address, or twenty from all addresses, the account waits before its next try there (1 minute, "
            + "doubling up to an hour); wrong passwords also count against the address's limit on wrong operator credentials.",
            typeof(OperatorLoginData),
            [new(StatusCodes.Status200OK, typeof(EnvelopeReply<object>)), new(StatusCodes.Status401Unauthorized, typeof(EnvelopeReply)), .. Faults],
            [.. EnvelopeCodes, ReturnCode.LoginFailed, .. ServiceCodes]));
        Operator("GET", "/me", "Who is signed in", "The session's account and its role now.", null);
        Operator("PUT", "/me/password", "Change your own password",
            "`{currentPassword, password}`: the signed-in operator's new password (12 to 256 characters); a wrong current one answers 1106 and "
            + "counts as a failed login. Ends the account's sessions, this one included: log in again. Recorded as `operator_account` evidence.",
            typeof(OwnPasswordData), ReturnCode.LoginFailed);
        Operator("GET", "/operators", "Operator accounts", "Every account: role, disabled, created when and by whom, changed when. Administrators only.", null);
        Operator("POST", "/operators", "Create an operator account",
            "`{account, role, password}`: role viewer (reads), reviewer (also decides face reviews and flags) or administrator (also "
            + "changes policy, platforms, accounts, pulls, retries); a password of 12 to 256 characters, kept as a salted PBKDF2 hash. "
            + "Administrators only, and the shared admin key while no administrator exists (the bootstrap). Recorded as `operator_account` "
            + "evidence.", typeof(OperatorAccountData), ReturnCode.Conflict);
        Operator("PUT", "/operators/{account}", "Change an operator account",
            "Any of `{role, password, disabled}`; the account's sessions end at once. The last administrator can be neither demoted nor "
            + "disabled (1208). Recorded as `operator_account` evidence with the standing before and after (a password only as changed).",
            typeof(OperatorAccountData), ReturnCode.OperatorNotFound, ReturnCode.Conflict);
        Operator("GET", "/actions", "The action log",
            "Every operator's actions, newest first: policy, approvals, platform registrations, pulls, retries, face reviews, flag "
            + "decisions and account changes, each with who, when, from where, and its details (before and after). `{total, page, "
            + "pageSize, items}`; `page` from 1, `pageSize` 50 by default (at most 200); `operator` and `kind` filter.", null, ReturnCode.InvalidField);

        entries.Add(Key("GET", "/health"), new ApiEntry(HealthTag, "Health of the front, a silo and the database",
            "200 only when all three answer; 503 says which did not. `/health/live` and `/health/ready` answer for probes.",
            null, [new(StatusCodes.Status200OK, null, Json), new(StatusCodes.Status503ServiceUnavailable, null, Json)], []));

        return entries;
    }
}
