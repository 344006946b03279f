using DurableLessons.Testing.Engines;

// The workflows must behave the same on DTFx + Azure Storage (Engine:Provider=AzureStorage) as on the other engines.
[assembly: AlsoOnAzureStorageEngine]
