namespace DurableLessons.Storage.Tests;
