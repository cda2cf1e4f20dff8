using Training.Tui;

return await Launcher.RunAsync(args);
