namespace Supervision.WebFront.Apis;

/// <summary>One thing said in Chinese and in English, as the console shows it (camelCase: zh, en).</summary>
public sealed record Words(string Zh, string En);
