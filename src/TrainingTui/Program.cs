using Terminal.Gui.App;
using Training.Tui;
using Training.Tui.Client;

return await Launcher.RunAsync(args);
