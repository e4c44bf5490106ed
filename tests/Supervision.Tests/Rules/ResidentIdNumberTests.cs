using Supervision.Contracts;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Rules;

public sealed class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the check character X
    [InlineData("11010519491231002x")] // written in lower case
    [InlineData("110105491231002")] // a legacy 15-digit number
    public void Accepts_well_formed_numbers(string number) => Assert.True(ResidentIdNumber.IsWellFormed(number));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100A1")] // a letter in the body
    [InlineData("11010549123100X")] // 15 characters with a letter
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_malformed_numbers(string? number) => Assert.False(ResidentIdNumber.IsWellFormed(number));

    [Fact]
    public void Generated_test_numbers_are_well_formed() => Assert.True(ResidentIdNumber.IsWellFormed(TestIds.IdNumber()));

    [Fact]
    public void Mask_keeps_only_the_region_prefix_and_the_last_character() =>
        Assert.Equal("110**************X", ResidentIdNumber.Mask("11010519491231002X"));

    [Theory]
    [InlineData("110105491231002", "11010519491231002X")] // the century inserted, the check character computed (here X)
    [InlineData("440524880101001", "440524198801010011")]
    [InlineData("11010519491231002x", "11010519491231002X")] // an 18-character number is only upper-cased
    public void Normalize_gives_the_18_digit_form(string number, string normal)
    {
        Assert.Equal(normal, ResidentIdNumber.Normalize(number));
        Assert.True(ResidentIdNumber.IsWellFormed(ResidentIdNumber.Normalize(number)));
    }

    [Fact]
    public void A_legacy_number_and_its_18_digit_form_are_one_person_key()
    {
        var keys = new Supervision.Contracts.Students.PersonKeys(new byte[32]);
        var (legacy, normal) = TestIds.LegacyIdNumber();

        Assert.Equal(keys.Of(normal), keys.Of(legacy));
        Assert.NotEqual(keys.OfAsWritten(normal), keys.OfAsWritten(legacy));
    }
}
