using System.ComponentModel;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.2 authentication's data.</summary>
public readonly record struct AuthenticationData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Text(64), Description("The name registered under cardNo (spaces ignored; 1302 when it differs)")] string Name,
    [property: IdNumber, Description("Resident ID number: 18 characters with the GB 11643 check character, or 15 digits")] string CardNo);
