using DurableLessons.Http.Security;
using Microsoft.AspNetCore.Http;

namespace DurableLessons.Security.Tests;

public sealed class QueryRedactionTests
{
    [Theory]
    [InlineData("?code=s3cret&showInput=true", "?code=***&showInput=true")]
    [InlineData("?showHistory=true&sig=AbC-_x&reason=x", "?showHistory=true&sig=***&reason=x")]
    [InlineData("?CODE=s3cret&%73ig=AbC", "?CODE=***&%73ig=***")]
    [InlineData("?reason=code%3Ds3cret", "?reason=code%3Ds3cret")]
    [InlineData("", "")]
    public void Masks_the_values_of_key_and_signature_parameters_only(string query, string logged)
    {
        Assert.Equal(logged, QueryRedaction.Redact(new QueryString(query.Length == 0 ? null : query)));
    }
}
