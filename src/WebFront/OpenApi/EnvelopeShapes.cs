using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// The envelope as the OpenAPI document describes it. The endpoints read their bodies themselves (so that a
/// sloppy field is a failure code naming it, never a binding error): these records are never bound or written,
/// only described.
/// </summary>
public static class EnvelopeShapes
{
    public sealed record EnvelopeHeaders(
        [property: Description("TYPE_PC, TYPE_H5, TYPE_ANDROID or TYPE_IOS")] string? DeviceType = null,
        [property: Description("Request time in Unix seconds (13-digit milliseconds are accepted too); kept with the evidence. Required on studyHour (1002 without it, 1003 in another shape): it is what makes a retried report recognisable")] string? Timestamp = null,
        [property: Description("A UUID (PC, H5, iOS) or a MAC address without colons (Android)")] string? DeviceId = null,
        [property: Description("The acceptToken from 1.1 thlogin; every endpoint but 1.1 needs it (1101 when missing)")] string? UserToken = null,
        [property: JsonPropertyName("user_token"), Description("Section 2's spelling of userToken; either is accepted")] string? UserTokenSnakeCase = null);

    public sealed record EnvelopeRequest<TData>(
        [property: Description("Device headers and the token")] EnvelopeHeaders Headers,
        [property: Description("The endpoint's fields. Integers may be JSON numbers or numeric strings; unknown fields are ignored")] TData Data);

    public sealed record EnvelopeReply(
        [property: Description("\"0\" on success, otherwise a failure code from the table in this document's description")] string ReturnCode,
        [property: Description("\"success\", or what failed: the field by its path (e.g. data.cardNo) or the rule")] string ReturnMsg);

    public sealed record EnvelopeReply<TReturnData>(
        [property: Description("\"0\" on success, otherwise a failure code from the table in this document's description")] string ReturnCode,
        [property: Description("\"success\", or what failed: the field by its path (e.g. data.cardNo) or the rule")] string ReturnMsg,
        [property: Description("Present on success only")] TReturnData? ReturnData = default);
}
