using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Students;

namespace Supervision.Grains.Students;

public sealed class StudentGrain(
    [PersistentState("student", StorageNames.Main)] IPersistentState<StudentState> state,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentGrain
{
    public async Task Register(StudentRegistration registration, string businessPlatformCode)
    {
        var s = state.State;
        var unchanged = state.RecordExists
            && s.Name == registration.Name
            && s.StudentCode == (registration.StudentCode ?? s.StudentCode)
            && s.Mobile == (registration.Mobile ?? s.Mobile)
            && s.ErcunPhotoUrl == (registration.ErcunPhotoUrl ?? s.ErcunPhotoUrl)
            && s.Remark == (registration.Remark ?? s.Remark)
            && s.BusinessPlatformCodes.Contains(businessPlatformCode);
        if (unchanged)
        {
            return;
        }

        // A roster entry may omit what 2.3 said (phone, remark): absent fields keep their value.
        s.Name = registration.Name;
        s.StudentCode = registration.StudentCode ?? s.StudentCode;
        s.Mobile = registration.Mobile ?? s.Mobile;
        s.ErcunPhotoUrl = registration.ErcunPhotoUrl ?? s.ErcunPhotoUrl;
        s.Remark = registration.Remark ?? s.Remark;
        s.BusinessPlatformCodes.Add(businessPlatformCode);
        s.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    public Task<StudentView?> Describe() => Task.FromResult(state.RecordExists
        ? new StudentView(
            this.GetPrimaryKeyString(),
            state.State.Name,
            state.State.StudentCode,
            state.State.Mobile,
            state.State.ErcunPhotoUrl,
            state.State.BusinessPlatformCodes.Order(StringComparer.Ordinal).ToList())
        : null);
}
