using System.Text.Json;
using Supervision.Contracts.Classes;

namespace Supervision.Grains.Delivery;

/// <summary>Reads 1.12's answer: returnData[] of {cardNo, studentUserAccount} and passwordRules, all or nothing.</summary>
public static class PushAnswerReader
{
    public static PushAnswer Read(JsonElement answer)
    {
        var fields = new AnswerFields(answer, "");
        var accounts = fields.TryGet("returnData", out var data)
            ? AnswerFields.Elements(data, ".returnData", 100_000)
                .Select(row => new StudentAccount(row.Text("cardNo", 64), row.Text("studentUserAccount", 128)))
                .ToList()
            : [];
        return new PushAnswer(accounts, fields.OptionalText("passwordRules", 256));
    }
}
