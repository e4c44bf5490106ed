using System.ComponentModel;
using Supervision.Contracts.Classes;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>A student on a 2.4 class's roster.</summary>
public readonly record struct ClassStudentData(
    [property: IdNumber, Description("Resident ID number")] string CardNo,
    [property: Code("studentUserCode", "student UserCode"), Description("The code section 1 calls studentUserCode")] string StudentCode,
    [property: Text(64)] string StudentName,
    [property: Text(32)] string? StudentPhone,
    [property: Url, Description("http(s) URL of the two-inch photo")] string? ErcunPhotos)
{
    public RosterEntry Entry() => new(CardNo, StudentCode, StudentName, StudentPhone, ErcunPhotos);
}
