using Terminal.Gui.Input;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// One officer as the roster lists it. What the table shows and what the '/' filter compares is worked out once
/// here, when the row arrives, so that drawing a screenful or filtering ten thousand rows does no folding or
/// formatting.
/// </summary>
public sealed class OfficerRow
{
    private static readonly char[] WordBreaks = [' ', '-', '\'', '’', '.'];

    public OfficerRow(Officer officer, DateOnly today)
    {
        Officer = officer;
        Name = officer.Anonymized ? Strings.Get("Roster_Anonymised") : $"{officer.FamilyName}, {officer.GivenName}";
        var family = Folding.Fold(officer.FamilyName.Trim());
        var given = Folding.Fold(officer.GivenName.Trim());
        OrderKey = $"{family}\u0001{given}\u0001{officer.Name}";
        SortName = $"{officer.FamilyName.Trim()}, {officer.GivenName.Trim()}";
        Tokens = new[] { family, given }
            .Concat(family.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries))
            .Concat(given.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.Length > 0)
            .Distinct()
            .ToArray();
        PoliceId = Folding.Fold(officer.NationalPoliceId);
        var born = Format.Day(officer.BirthDate);
        var started = Format.Day(officer.ServiceStartDate);
        var retired = Format.Day(officer.RetirementDate);
        Age = born is { } b ? OfficerText.FullYears(b, today) : null;
        ServiceYears = started is { } s ? OfficerText.FullYears(s, retired is { } r && r < today ? r : today) : null;
        Languages = Format.Languages(officer);
        Skills = Format.Skills(officer);
        Availability = OfficerText.Availability(officer.Availability);
    }

    public Officer Officer { get; }
    public string Key => Officer.Name;
    public string Name { get; }
    public int? Age { get; }
    public int? ServiceYears { get; }
    public string Languages { get; }
    public string Skills { get; }
    public string Availability { get; }

    /// <summary>The service's order: family name, given name (folded), then the resource name.</summary>
    public string OrderKey { get; }

    /// <summary>
    /// What the name column sorts by, in the language's collation (<see cref="UiLanguage.Collation"/>): "Sène" beside
    /// "Sene" and before "Sow". Not <see cref="OrderKey"/>, whose separators a collation ignores ("Dio, Pz" would
    /// follow "Diop, Awa").
    /// </summary>
    public string SortName { get; }

    /// <summary>Each whole name and each word of it, folded: what a name prefix matches.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The national police ID, folded.</summary>
    public string PoliceId { get; }

    /// <summary>True when the police ID starts with the filter, or every word of the filter starts a word of a name.</summary>
    public bool Matches(string foldedFilter, IReadOnlyList<string> filterWords)
    {
        if (PoliceId.StartsWith(foldedFilter, StringComparison.Ordinal)) return true;
        foreach (var word in filterWords)
        {
            var found = false;
            foreach (var token in Tokens)
            {
                if (!token.StartsWith(word, StringComparison.Ordinal)) continue;
                found = true;
                break;
            }
            if (!found) return false;
        }
        return filterWords.Count > 0;
    }
}

/// <summary>
/// A Member State's roster: a focal point sees their own State; administrators, auditors and wide integrations
/// pick one with m. The list is read page by page in the background (the first page shows at once, the rest are
/// appended, the selection stays put). '/' narrows the loaded rows instantly by name or police ID; f, g and v
/// ask the service for officers with given skills, languages, gender or availability. Those who may write add
/// (a), edit (Enter, e) and delete (d, asked first) officers.
/// </summary>
public sealed class RosterScreen : TableScreen<OfficerRow>
{
    /// <summary>The largest page SearchOfficers serves.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// The first page is a screenful: on a slow link it arrives in one round trip and a few kilobytes, and the list is
    /// usable while the rest comes in pages of <see cref="PageSize"/>.
    /// </summary>
    public const int FirstPageSize = 50;

    /// <summary>Shown when an administrator's search finds no officer at all, so the screen still names a State.</summary>
    private const string FallbackMemberState = "SN";

    private readonly CallSlot _search = new();
    private readonly CallSlot _reference = new();
    private readonly CallSlot _delete = new();
    private readonly RosterVocabulary _vocabulary = new();
    private List<OfficerRow> _loaded = [];
    private RosterFilter? _filter;
    private bool _started;
    private bool _complete;
    private bool _refreshing;
    private string? _failure;
    private string _filterText = "";
    private string[] _filterWords = [];

    public RosterScreen(ScreenContext context) : base(context, Columns(), r => r.Key)
    {
        if (OwnMemberState(context.Caller) is { } region) _filter = RosterFilter.For(region);
        UpdateSummary();
    }

    public override string Heading => Strings.Get("Screen_Roster");

    /// <summary>True once every page of the current search has arrived.</summary>
    public bool Complete => _complete;

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        .. CanWrite
            ? new KeyHelp[] { Help("Enter e", "Key_Edit"), Help("a", "Key_Add"), Help("d Del", "Key_Delete") }
            : [Help("Enter", "Key_FullRecord")],
        Help("f", "Key_Find"),
        Help("g", "Key_WomenMen"),
        Help("v", "Key_Availability"),
        Help("c", "Key_Clear"),
        .. ChoosesMemberState ? new KeyHelp[] { Help("m", "Key_MemberState") } : [],
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<OfficerRow>> Columns() =>
    [
        new(Strings.Get("Col_Name"), r => r.Name, r => r.SortName, MaxWidth: 22),
        new(Strings.Get("Col_Gender"), r => Format.Gender(r.Officer.Gender), r => (int)r.Officer.Gender),
        new(Strings.Get("Roster_ColAge"), r => r.Age?.ToString(UiLanguage.Formatting) ?? "", r => r.Age),
        new(Strings.Get("Roster_ColService"), r => r.ServiceYears?.ToString(UiLanguage.Formatting) ?? "", r => r.ServiceYears),
        new(Strings.Get("Roster_ColAvailability"), r => r.Availability, r => (int)r.Officer.Availability),
        new(Strings.Get("Col_Languages"), r => r.Languages, MaxWidth: 16, MayCut: true),
        new(Strings.Get("Roster_ColSkills"), r => r.Skills, MaxWidth: 30, MayCut: true),
        new(Strings.Get("Col_Rank"), r => r.Officer.Rank, r => r.Officer.Rank, MaxWidth: 22),
    ];

    /// <summary>The State whose roster the caller keeps, when there is exactly one.</summary>
    private static string? OwnMemberState(Caller caller) => caller.Role switch
    {
        Role.FocalPoint => caller.RegionCode,
        Role.Integration when caller.Scope is { AllMemberStates: false, RegionCodes.Count: > 0 } scope => scope.RegionCodes[0],
        _ => null,
    };

    private bool ChoosesMemberState => Context.Caller.Role switch
    {
        Role.FocalPoint => false,
        Role.Integration => Context.Caller.Scope is not { AllMemberStates: false, RegionCodes.Count: 1 },
        _ => true,
    };

    /// <summary>Whether the caller may change officers of the State on screen (the service decides; this only hides keys).</summary>
    private bool CanWrite => _filter is { } f && Context.Caller.Role switch
    {
        Role.FocalPoint => f.RegionCode == Context.Caller.RegionCode,
        Role.Integration => Context.Caller.Scope is { ReadWrite: true } scope
                            && (scope.AllMemberStates || scope.RegionCodes.Contains(f.RegionCode)),
        _ => false,
    };

    public override void OnShown()
    {
        if (!_started || _failure is not null) Reload();
        else if (!_vocabulary.Loaded) _ = LoadVocabularyAsync();
    }

    /// <summary>F5 or the server is back: read the same criteria again, keeping the rows on screen until the new list is whole.</summary>
    public override void Reload()
    {
        if (!_vocabulary.Loaded) _ = LoadVocabularyAsync();
        Search(progressive: _loaded.Count == 0);
    }

    private void Restart(RosterFilter filter)
    {
        _filter = filter;
        Search(progressive: true);
    }

    /// <param name="progressive">Show each page as it arrives (new criteria); otherwise swap the list in once complete.</param>
    private void Search(bool progressive)
    {
        _started = true;
        _failure = null;
        _complete = false;
        if (_filter is not { } filter)
        {
            _ = FindFirstMemberStateAsync();
            return;
        }
        _refreshing = !progressive;
        UpdateSummary();
        _ = LoadPageAsync(filter, "", [], progressive);
    }

    /// <summary>Those who read every State start with the first State that has officers (the service lists by State).</summary>
    private async Task FindFirstMemberStateAsync()
    {
        UpdateSummary();
        await Context.Load(_search,
            ct => Context.Client.SearchOfficersAsync(new SearchOfficersRequest { PageSize = 1 }, ct),
            page =>
            {
                var region = page.Officers.Count > 0 ? Format.RegionOf(page.Officers[0].Name) : FallbackMemberState;
                Restart(RosterFilter.For(region));
            },
            Failed);
    }

    private async Task LoadPageAsync(RosterFilter filter, string pageToken, List<OfficerRow> buffer, bool progressive)
    {
        await Context.Load(_search,
            ct => Context.Client.SearchOfficersAsync(filter.Request(pageToken.Length == 0 ? FirstPageSize : PageSize, pageToken), ct),
            page =>
            {
                var today = Context.Today;
                var arrived = page.Officers.Select(o => new OfficerRow(o, today)).ToList();
                var names = arrived.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
                buffer.RemoveAll(r => names.Contains(r.Key));
                buffer.AddRange(arrived);
                _complete = page.NextPageToken.Length == 0;
                if (progressive || _complete)
                {
                    _loaded = buffer;
                    _refreshing = false;
                    ShowRows(buffer.ToList());
                }
                UpdateSummary();
                if (!_complete) _ = LoadPageAsync(filter, page.NextPageToken, buffer, progressive);
            },
            Failed);
    }

    private void Failed(Client.ClientError error)
    {
        _failure = error.Message;
        _refreshing = false;
        UpdateSummary();
        if (!error.ServerUnreachable) Context.Status.ShowError(error.Message);
    }

    private Task LoadVocabularyAsync() => _vocabulary.LoadAsync(Context, _reference);

    private void UpdateSummary()
    {
        if (_filter is not { } filter)
        {
            Summary = _failure is null ? Strings.Get("Roster_FindingMemberState") : Strings.Format("Roster_LoadFailed", _failure);
            return;
        }
        var (loaded, shown) = (_loaded.Count, Source.Rows);
        string counts;
        if (loaded == 0 && !_complete)
            counts = _failure is null ? Strings.Get("Roster_Searching") : Strings.Get("Roster_NothingLoaded");
        else if (loaded == 0)
            counts = filter.Narrowed ? Strings.Get("Roster_NoneMatches")
                : CanWrite ? Strings.Get("Roster_NoneYetAdd") : Strings.Get("Roster_None");
        else
        {
            counts = shown == loaded
                ? loaded == 1 ? Strings.Format("Roster_CountOne", RosterFilter.Count(loaded)) : Strings.Format("Roster_Count", RosterFilter.Count(loaded))
                : Strings.Format("Roster_CountShown", RosterFilter.Count(shown), RosterFilter.Count(loaded));
            if (_refreshing) counts += Strings.Get("Roster_Refreshing");
            else if (!_complete && _failure is null) counts += Strings.Get("Roster_MoreComing");
        }
        if (_failure is not null) counts += Strings.Get("Roster_LoadingStopped");
        if (filter.Narrowed) counts += Strings.Format("Roster_Only", filter.Describe());
        Summary = Strings.Format("Roster_Summary", filter.RegionCode, counts);
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(OfficerRow row, string foldedFilter)
    {
        if (!string.Equals(foldedFilter, _filterText, StringComparison.Ordinal))
        {
            _filterText = foldedFilter;
            // "Badji, Astou" as the list shows it, or "badji astou": commas separate words like spaces.
            _filterWords = foldedFilter.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        }
        return row.Matches(foldedFilter, _filterWords);
    }

    protected override void Open(OfficerRow row)
    {
        if (CanWrite) Edit(row);
        else Context.Dialogs.Show(row.Name, FullRecord(row.Officer));
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.E && CanWrite && Selected is { } editing)
        {
            Edit(editing);
            return true;
        }
        if (key == Key.A && CanWrite)
        {
            Context.Navigator.Push(new OfficerFormScreen(Context, _filter!.RegionCode, null, _vocabulary, ShowOfficer));
            return true;
        }
        if ((key == Key.D || key == Key.Delete) && CanWrite && Selected is { } doomed)
        {
            _ = DeleteAsync(doomed);
            return true;
        }
        if (_filter is not { } filter) return base.HandleKey(key);
        if (key == Key.F)
        {
            OpenFilters(filter, RosterFilterScreen.Skills);
            return true;
        }
        if (key == Key.M && ChoosesMemberState)
        {
            OpenFilters(filter, RosterFilterScreen.MemberState);
            return true;
        }
        if (key == Key.G)
        {
            Restart(filter.NextGender());
            return true;
        }
        if (key == Key.V)
        {
            Restart(filter.NextAvailability());
            return true;
        }
        if (key == Key.C && filter.Narrowed)
        {
            Restart(filter.Cleared());
            return true;
        }
        return base.HandleKey(key);
    }

    private void OpenFilters(RosterFilter filter, string focus) =>
        Context.Navigator.Push(new RosterFilterScreen(Context, filter, ChoosesMemberState, _vocabulary, Restart, focus));

    private void Edit(OfficerRow row)
    {
        if (row.Officer.Anonymized)
        {
            Context.Status.ShowError(Strings.Get("Roster_EditAnonymised"));
            return;
        }
        Context.Navigator.Push(new OfficerFormScreen(Context, _filter!.RegionCode, row.Officer, _vocabulary, ShowOfficer, ForgetOfficer));
    }

    /// <summary>An officer as now stored (saved in the form): updated in place, or added where the service would list it, and selected.</summary>
    /// <summary>Takes an officer someone else deleted off the list.</summary>
    private void ForgetOfficer(string name)
    {
        if (_loaded.RemoveAll(r => r.Key == name) == 0) return;
        ShowRows(_loaded.ToList());
        UpdateSummary();
    }

    private void ShowOfficer(Officer officer)
    {
        var row = new OfficerRow(officer, Context.Today);
        var at = _loaded.FindIndex(r => r.Key == row.Key);
        if (at >= 0) _loaded[at] = row;
        else
        {
            var before = _loaded.FindIndex(r => string.CompareOrdinal(r.OrderKey, row.OrderKey) > 0);
            _loaded.Insert(before < 0 ? _loaded.Count : before, row);
        }
        ShowRows(_loaded.ToList());
        SelectRow(row.Key);
        UpdateSummary();
    }

    private void SelectRow(string key)
    {
        var index = Source.IndexOf(key);
        if (index < 0) return;
        Table.SetSelection(0, index, false);
        Table.EnsureCursorIsVisible();
    }

    private async Task DeleteAsync(OfficerRow row)
    {
        if (row.Officer.Anonymized)
        {
            Context.Status.ShowInfo(Strings.Get("Roster_AlreadyAnonymised"));
            return;
        }
        var officer = row.Officer;
        if (!Context.Dialogs.Confirm(Strings.Get("Roster_DeleteTitle"),
                Strings.Format("Roster_DeleteQuestion", row.Name, officer.NationalPoliceId, _filter!.RegionCode), Strings.Get("Roster_Delete")))
            return;
        var position = Source.IndexOf(row.Key);
        await Context.Load(_delete,
            ct => Context.Client.DeleteOfficerAsync(officer.Name, officer.Etag, ct),
            kept =>
            {
                if (kept is null)
                {
                    _loaded.RemoveAll(r => r.Key == officer.Name);
                    ShowRows(_loaded.ToList());
                    if (Source.Rows > 0) Table.SetSelection(0, Math.Clamp(position, 0, Source.Rows - 1), false);
                    Context.Status.ShowInfo(Strings.Format("Roster_Deleted", row.Name));
                }
                else
                {
                    ShowOfficer(kept);
                    Context.Status.ShowInfo(Strings.Format("Roster_DeletedAnonymised", row.Name));
                }
                UpdateSummary();
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
                Context.Status.ShowError(Strings.Format("Roster_NotDeleted", row.Name, why));
            });
    }

    /// <summary>Everything on the officer's file, for those who may read but not change it; short lines for a small terminal.</summary>
    private string FullRecord(Officer o)
    {
        var row = new OfficerRow(o, Context.Today);
        var rank = o.Rank.Length > 0 ? o.Rank : Strings.Get("Roster_NoRank");
        var service = o.RetirementDate is { Year: > 0 }
            ? Strings.Format("Roster_RecordServiceRetired", rank, row.ServiceYears, Format.Date(o.ServiceStartDate), Format.Date(o.RetirementDate))
            : Strings.Format("Roster_RecordService", rank, row.ServiceYears, Format.Date(o.ServiceStartDate));
        var none = Strings.Get("Roster_NoneRecorded");
        var lines = new List<string>
        {
            Strings.Format("Roster_RecordBorn", Format.Gender(o.Gender), Format.Date(o.BirthDate), row.Age, row.Availability),
            service,
            Strings.Format("Roster_RecordPoliceId", o.NationalPoliceId),
            Strings.Format("Roster_RecordLanguages", o.Languages.Count > 0 ? OfficerText.Languages(o.Languages) : none),
            Strings.Format("Roster_RecordSkills", o.Skills.Count > 0 ? OfficerText.Skills(o.Skills) : none),
        };
        if (o.Certifications is { } c)
        {
            var held = new List<string>();
            if (c.AmsPass is { } ams) held.Add($"AMS {Format.Date(ams.PassDate)}{(ams.LanguageCode.Length > 0 ? $" ({ams.LanguageCode})" : "")}");
            if (c.DrivingLicence is { } licence) held.Add(Strings.Format("Roster_RecordDriving", Format.Date(licence.IssueDate)));
            if (c.Firearms is { } firearms) held.Add(Strings.Format("Roster_RecordFirearms", Format.Date(firearms.QualificationDate)));
            if (held.Count > 0) lines.Add(string.Join(" · ", held));
            if (c.CompletedCourses.Count > 0)
                lines.Add(Strings.Format("Roster_RecordCourses", string.Join(", ", c.CompletedCourses.Select(cc => cc.ExpiryDate is { Year: > 0 }
                    ? Strings.Format("Roster_RecordCourseUntil", cc.Course.Split('/')[^1], Format.Date(cc.CompletionDate), Format.Date(cc.ExpiryDate))
                    : $"{cc.Course.Split('/')[^1]} {Format.Date(cc.CompletionDate)}"))));
        }
        if (o.Vetting is { } v)
        {
            lines.Add(Strings.Format("Roster_RecordHumanRights", Vetting(v.HumanRightsScreening)));
            lines.Add(Strings.Format("Roster_RecordSelfAttestation", Vetting(v.SelfAttestation)));
            lines.Add(Strings.Format("Roster_RecordMisconduct", Vetting(v.MisconductCheck)));
            lines.Add(Strings.Format("Roster_RecordMedical", Vetting(v.MedicalClearance)));
        }
        return string.Join('\n', lines);

        // "cleared 5 Jan 2024": the dates of the record as the rest of it reads them.
        static string Vetting(VettingItem? item) => item is null || item.Status == VettingStatus.Unspecified
            ? Strings.Get("Roster_NotOnFile")
            : item.Date is { Year: > 0 } ? $"{OfficerText.VettingWord(item.Status)} {Format.Date(item.Date)}" : OfficerText.VettingWord(item.Status);
    }

    public override void OnClosed()
    {
        _search.Cancel();
        _reference.Cancel();
        _delete.Cancel();
    }
}
