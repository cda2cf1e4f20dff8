using Training.Tui.Screens.Shared;

namespace Training.Tui.Screens.Administration;

/// <summary>The audit trail's criteria as a short form: actor, resource, from and until. Enter or Ctrl+S applies; Esc leaves them as they were.</summary>
public sealed class AuditFilterScreen : FormScreen
{
    public const string Actor = "actor", Resource = "resource", From = "start_time", Until = "end_time";

    /// <summary>The fields in the client's language, read when the form opens.</summary>
    private static IReadOnlyList<FormField> FormFields() =>
    [
        new(Actor, Strings.Get("AuditFilter_Actor"), Strings.Get("AuditFilter_ActorHint")),
        new(Resource, Strings.Get("AuditFilter_Resource"), Strings.Get("AuditFilter_ResourceHint")),
        new(From, Strings.Get("AuditFilter_FromCaption"), FieldText.InstantHint + Strings.Get("AuditFilter_FromHint")),
        new(Until, Strings.Get("AuditFilter_UntilCaption"), FieldText.InstantHint + Strings.Get("AuditFilter_UntilHint")),
    ];

    private readonly Action<AuditFilter> _apply;

    public AuditFilterScreen(ScreenContext context, AuditFilter current, Action<AuditFilter> apply) : base(context, FormFields(), FormText(current))
    {
        _apply = apply;
        Fill(FormText(current));
        Intro = Strings.Get("AuditFilter_Intro");
        SaveButton.Text = Strings.Get("AuditFilter_Apply");
    }

    private static IReadOnlyDictionary<string, string> FormText(AuditFilter filter) => new Dictionary<string, string>
    {
        [Actor] = filter.Actor,
        [Resource] = filter.Resource,
        [From] = filter.From is { } f ? FieldText.Instant(FieldText.ToProto(f)) : "",
        [Until] = filter.Until is { } u ? FieldText.Instant(FieldText.ToProto(u)) : "",
    };

    public override string Heading => Strings.Get("AuditFilter_Heading");

    public override bool HasUnsavedChanges => false;

    protected override bool IsNew => true;

    public static (AuditFilter Filter, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var actor = Value(Actor);
        if (actor.Length > 0 && !actor.StartsWith("accessTokens/", StringComparison.Ordinal)) problems[Actor] = Strings.Get("AuditFilter_ActorShape");
        var from = FieldText.Instant(Value(From), required: false);
        if (!from.Ok) problems[From] = from.Problem!;
        var until = FieldText.Instant(Value(Until), required: false);
        if (!until.Ok) problems[Until] = until.Problem!;
        else if (from.Value is { } f && until.Value is { } u && u <= f) problems[Until] = Strings.Get("AuditFilter_UntilAfterFrom");
        return (new AuditFilter(actor, Value(Resource).Trim('/'), from.Value, until.Value), problems);
    }

    protected override IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values) => Read(values).Problems;

    protected override Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys)
    {
        Closed = true;
        _apply(Read(values).Filter);
        Context.Navigator.Back();
        return Task.CompletedTask;
    }
}
