namespace Training.Tui.Screens.Shared;

/// <summary>A value read from what someone typed, or the reason it could not be read.</summary>
public readonly record struct Parsed<T>(T Value, string? Problem)
{
    public bool Ok => Problem is null;

    public static Parsed<T> Fail(string problem) => new(default!, problem);
}
