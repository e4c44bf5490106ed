namespace Supervision.DemoPopulation;

/// <summary>A made-up person: a name, a well-formed ID number, a phone number that no carrier issues (prefix 199 0000).</summary>
public sealed record DemoPerson(string Name, string CardNo, string Phone);
