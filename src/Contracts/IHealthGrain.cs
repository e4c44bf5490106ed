namespace Supervision.Contracts;

/// <summary>Answers from a silo after a round trip to the database: one call proves both are up.</summary>
public interface IHealthGrain : IGrainWithIntegerKey
{
    Task<bool> DatabaseAnswers();
}
