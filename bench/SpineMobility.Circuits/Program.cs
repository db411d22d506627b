using SpineMobility.Circuits;

return await Commands.RunAsync(args);
