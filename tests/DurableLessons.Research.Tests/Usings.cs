namespace DurableLessons.Research.Tests;
