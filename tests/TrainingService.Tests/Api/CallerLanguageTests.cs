using Google.Rpc;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

/// <summary>
/// The service answers in the caller's language (accept-language): findings and refusals in French for a French
/// caller, with the same rule codes and reasons as in English, and errors carry a LocalizedMessage beside the English.
/// </summary>
public sealed class CallerLanguageTests : IAsyncLifetime
{
    private NominationWorld _world = null!;

    public async Task InitializeAsync() => _world = await NominationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static Metadata Language(string value) => new() { { "accept-language", value } };

    private async Task<(Session Session, Officer Officer)> IneligibleAsync()
    {
        var session = await _world.OpenSessionAsync(course =>
        {
            course.Requirements.WomenOnly = true;
            course.Requirements.MinServiceYears = 20;
            course.Requirements.Languages.Add(new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.C2 });
        });
        var officer = await _world.OfficerAsync(gender: Gender.Male, given: "Moussa");
        return (session, officer);
    }

    [Fact]
    public async Task AFrenchCaller_GetsFrenchFindings_WithTheSameRulesAndFields_AsAnEnglishOne()
    {
        var (session, officer) = await IneligibleAsync();
        var request = new CheckEligibilityRequest { Officer = officer.Name, Session = session.Name };

        var english = await _world.Senegal.CheckEligibilityAsync(request, Language("en-GB"));
        var french = await _world.Senegal.CheckEligibilityAsync(request, Language("fr-FR,fr;q=0.9,en;q=0.8"));

        Assert.Equal(english.Failures.Select(f => (f.Rule, f.Field, f.Severity)), french.Failures.Select(f => (f.Rule, f.Field, f.Severity)));
        Assert.Equal("French listening C1; this course requires C2.", english.Failures.Single(f => f.Field == "officer.languages[fr].listening").Description);
        Assert.Equal("français, compréhension orale : C1 ; ce cours exige C2.",
            french.Failures.Single(f => f.Field == "officer.languages[fr].listening").Description);
        Assert.Contains("année(s) complète(s) de service de police", french.Failures.Single(f => f.Rule == "SERVICE_TOO_SHORT").Description);
        Assert.EndsWith("est un cours réservé aux femmes.", french.Failures.Single(f => f.Rule == "WOMEN_ONLY_COURSE").Description);
    }

    [Fact]
    public async Task WithoutAcceptLanguage_OrPreferringAnotherLanguage_TheAnswerIsEnglish()
    {
        var (session, officer) = await IneligibleAsync();
        var request = new CheckEligibilityRequest { Officer = officer.Name, Session = session.Name };

        var none = await _world.Senegal.CheckEligibilityAsync(request);
        var german = await _world.Senegal.CheckEligibilityAsync(request, Language("de-DE, en;q=0.5, fr;q=0.3"));

        Assert.Equal("French listening C1; this course requires C2.", none.Failures.Single(f => f.Field == "officer.languages[fr].listening").Description);
        Assert.Equal(none.Failures.Select(f => f.Description), german.Failures.Select(f => f.Description));
    }

    [Fact]
    public async Task AFrenchRefusal_KeepsItsReasonAndEnglishMessage_AndCarriesAFrenchLocalizedMessage()
    {
        var (session, officer) = await IneligibleAsync();
        var (_, nominations) = await _world.FocalPointOfAsync("SN");
        Task Submit(string language) => nominations.SubmitNominationAsync(new SubmitNominationRequest
        {
            Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Session = session.Name },
        }, Language(language)).ResponseAsync;

        var english = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Submit("en"));
        var french = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Submit("fr"));

        Assert.Equal("OFFICER_NOT_ELIGIBLE", english.Reason());
        Assert.Equal(english.Reason(), french.Reason());
        Assert.Equal(english.ViolationTypes(), french.ViolationTypes());
        Assert.Equal(english.Status.Detail, french.Status.Detail);
        Assert.StartsWith("Diop, Moussa cannot be nominated:", french.Status.Detail);
        var localized = french.GetRpcStatus()!.GetDetail<LocalizedMessage>();
        Assert.Equal("fr", localized.Locale);
        Assert.StartsWith("Diop, Moussa ne peut pas être présenté(e) :", localized.Message);
        Assert.Contains("ce cours exige C2.", localized.Message);
        Assert.Contains(french.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations, v => v.Description.EndsWith("est un cours réservé aux femmes."));
        Assert.Equal("en", english.GetRpcStatus()!.GetDetail<LocalizedMessage>().Locale);
        Assert.Equal(english.Status.Detail, english.GetRpcStatus()!.GetDetail<LocalizedMessage>().Message);
    }

    [Fact]
    public async Task ANotFound_SaysSoInFrench_ForAFrenchCaller()
    {
        var error = await RpcAssert.FailsWith(StatusCode.NotFound, () => _world.Senegal.GetNominationAsync(
            new GetNominationRequest { Name = "memberStates/SN/nominations/nobody" }, Language("fr")).ResponseAsync);

        Assert.Equal("RESOURCE_NOT_FOUND", error.Reason());
        Assert.Equal(("fr", "memberStates/SN/nominations/nobody n'existe pas."),
            (error.GetRpcStatus()!.GetDetail<LocalizedMessage>().Locale, error.GetRpcStatus()!.GetDetail<LocalizedMessage>().Message));
    }
}
