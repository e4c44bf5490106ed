using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>2.5 classStudentStudy's data.</summary>
public readonly record struct ClassStudyData([property: Code] string ClassCode);
