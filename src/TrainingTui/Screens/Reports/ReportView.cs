using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Reports;

/// <summary>
/// One report of the Reports screen: it reads its figures when first shown and on F5, draws them, and answers
/// its own keys. The service decides whose figures come back (a focal point's own Member State, everyone's for
/// administrators and auditors, an integration's scope), so every request asks for "all the caller may read".
/// </summary>
public abstract class ReportView : View
{
    protected ReportView(ScreenContext context)
    {
        Context = context;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    protected ScreenContext Context { get; }

    /// <summary>The word on the report's tab, e.g. "Parity".</summary>
    public abstract string ReportName { get; }

    /// <summary>True once the figures were read (a failed read leaves it false, so showing the report tries again).</summary>
    public bool Loaded { get; protected set; }

    /// <summary>Reads the figures again.</summary>
    public abstract void Reload();

    /// <summary>A key the screen did not use; true when handled.</summary>
    public virtual bool HandleKey(Key key) => false;

    /// <summary>The view that takes the focus when the report comes to the front.</summary>
    public virtual View FocusTarget => this;

    /// <summary>Stops the report's calls (the screen is closing).</summary>
    public abstract void Cancel();

    /// <summary>
    /// Keeps every line of a report's heading on screen: it takes the lines its text needs once wrapped at the report's
    /// width (French runs a fifth longer than English), never fewer than <paramref name="lines"/>, and what is placed
    /// below it moves down.
    /// </summary>
    protected void KeepWhole(Label label, int lines)
    {
        void Fit() => label.Height = Math.Max(lines, Wrapping.Lines(label.Text, Frame.Width));
        label.TextChanged += (_, _) => Fit();
        FrameChanged += (_, _) => Fit();
    }

    /// <summary>Whose figures these are, for the report's heading.</summary>
    protected string Whose => Context.Caller.Role switch
    {
        Role.FocalPoint => Context.Caller.RegionCode,
        Role.Integration when Context.Caller.Scope is { AllMemberStates: false } scope => string.Join(", ", scope.RegionCodes),
        _ => Strings.Get("Reports_AllMemberStates"),
    };
}
