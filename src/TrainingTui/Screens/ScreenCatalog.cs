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
            ('1', "Courses", () => new CoursesScreen(context)),
            ('2', "Roster", () => new RosterScreen(context)),
            ('3', "Nominations", () => new NominationsScreen(context)),
        };
        if (context.IsAdministrator) roots.Add(('4', "Review", () => new ReviewSessionsScreen(context)));
        roots.Add(('5', "Requests", () => new RequestsScreen(context)));
        roots.Add(('6', "Reports", () => new ReportsScreen(context)));
        roots.Add(('7', "Import/Export", () => new ImportExportScreen(context)));
        if (context.IsAdministrator) roots.Add(('8', "Tokens", () => new TokensScreen(context)));
        if (context.Caller.Role != Role.Integration) roots.Add(('9', "Audit", () => new AuditScreen(context)));
        return roots;
    }
}
