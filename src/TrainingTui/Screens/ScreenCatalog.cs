using Training.Tui.Screens.Administration;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Recruitment;
using Training.Tui.Screens.Reports;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens;

/// <summary>The screens reached by number from anywhere, as the status bar shows them; what a caller cannot use is not offered.</summary>
public static class ScreenCatalog
{
    public static IReadOnlyList<(char Key, string Name, Func<Screen> Open)> Roots(ScreenContext context)
    {
        var roots = new List<(char, string, Func<Screen>)>
        {
            ('1', Strings.Get("Screen_Courses"), () => new CoursesScreen(context)),
            ('2', Strings.Get("Screen_Roster"), () => new RosterScreen(context)),
            ('3', Strings.Get("Screen_Nominations"), () => new NominationsScreen(context)),
        };
        if (context.IsAdministrator) roots.Add(('4', Strings.Get("Screen_Review"), () => new ReviewSessionsScreen(context)));
        roots.Add(('5', Strings.Get("Screen_Requests"), () => new RequestsScreen(context)));
        roots.Add(('6', Strings.Get("Screen_Reports"), () => new ReportsScreen(context)));
        roots.Add(('7', Strings.Get("Screen_ImportExport"), () => new ImportExportScreen(context)));
        if (context.IsAdministrator) roots.Add(('8', Strings.Get("Screen_Tokens"), () => new TokensScreen(context)));
        if (context.Caller.Role != Role.Integration) roots.Add(('9', Strings.Get("Screen_Audit"), () => new AuditScreen(context)));
        return roots;
    }
}
