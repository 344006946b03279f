Console.WriteLine("crash host placeholder");
