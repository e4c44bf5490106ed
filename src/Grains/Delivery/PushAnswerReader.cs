using System.Text.Json;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Envelope;

namespace Supervision.Grains.Delivery;

/// <summary>Reads 1.12's answer: returnData[] of {cardNo, studentUserAccount} and passwordRules, all or nothing.</summary>
public static class PushAnswerReader
{
    public static PushAnswer Read(JsonElement answer)
    {
        try
        {
            var fields = new EnvelopeData(answer, "answer");
            var accounts = fields.TryGetElement("returnData", out var data)
                ? EnvelopeData.Elements(data, "answer.returnData", 100_000)
                    .Select(row => new StudentAccount(SameFormAsRoster(row.Text("cardNo", 64)), row.Text("studentUserAccount", 128)))
                    .ToList()
                : [];
            return new PushAnswer(accounts, fields.OptionalText("passwordRules", 256));
        }
        catch (EnvelopeRejection e)
        {
            throw new DeliveryFailure(e.Message, e);
        }
    }

    /// <summary>The roster holds 18-digit numbers; a platform that answers with the legacy 15-digit form still names the same person.</summary>
    private static string SameFormAsRoster(string cardNo) => ResidentIdNumber.IsWellFormed(cardNo) ? ResidentIdNumber.Normalize(cardNo) : cardNo;
}
