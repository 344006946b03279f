namespace DurableLessons.Engine.Tests;
