using DurableLessons.Storage.Tables;

namespace DurableLessons.Storage.Tests;

public sealed class TableConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHM=";

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "https://acct.table.core.windows.net/", "acct")]
    [InlineData("AccountName=acct;AccountKey=" + Key, "https://acct.table.core.windows.net/", "acct")]
    [InlineData("defaultendpointsprotocol=http;accountname=acct;accountkey=" + Key + ";endpointsuffix=core.chinacloudapi.cn;", "http://acct.table.core.chinacloudapi.cn/", "acct")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Key + ";TableEndpoint=https://acct.table.cosmos.azure.com:443/;", "https://acct.table.cosmos.azure.com/", "acct")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key + ";TableEndpoint=http://127.0.0.1:41234/devstoreaccount1/", "http://127.0.0.1:41234/devstoreaccount1", "devstoreaccount1")]
    [InlineData(" UseDevelopmentStorage=true ; ", "http://127.0.0.1:10002/devstoreaccount1", "devstoreaccount1")]
    public void Valid_connection_strings_resolve_the_table_endpoint_and_account(string connectionString, string endpoint, string account)
    {
        var parsed = TableConnectionString.Parse(connectionString);

        Assert.Equal(new Uri(endpoint), parsed.TableEndpoint);
        Assert.Equal(account, parsed.AccountName);
        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TableConnectionString.DevelopmentAccountKey, parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just some text", "Name=Value")]
    [InlineData("AccountName=acct", "no AccountKey")]
    [InlineData("AccountKey=" + Key, "no AccountName")]
    [InlineData("AccountName=acct;AccountKey=not base64!!" + Key, "not valid base64")]
    [InlineData("AccountName=acct;AccountName=other;AccountKey=" + Key, "more than once")]
    [InlineData("TableEndpoint=https://acct.table.core.windows.net;SharedAccessSignature=sv=2020&sig=" + Key, "SharedAccessSignature")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://proxy", "UseDevelopmentStorage")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=" + Key, "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a url", "TableEndpoint")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";Colour=blue", "unknown setting 'Colour'")]
    public void Invalid_connection_strings_are_rejected_with_a_reason_that_never_shows_the_key(string connectionString, string reason)
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse(connectionString));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }
}
