namespace DurableLessons.Llm.Tests;
