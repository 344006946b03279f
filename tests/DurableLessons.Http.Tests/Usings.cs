namespace DurableLessons.Http.Tests;
