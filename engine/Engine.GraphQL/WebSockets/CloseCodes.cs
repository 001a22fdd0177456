namespace Engine.GraphQL.WebSockets;

/// <summary>The close codes of the graphql-transport-ws protocol the server uses.</summary>
internal static class CloseCodes
{
    /// <summary>The client closed normally (RFC 6455).</summary>
    public const int Normal = 1000;

    /// <summary>The server is shutting down (RFC 6455 "going away"): the client reconnects, to another pod.</summary>
    public const int GoingAway = 1001;

    /// <summary>A message larger than the request size limit (RFC 6455 "message too big").</summary>
    public const int MessageTooBig = 1009;

    /// <summary>An invalid message: not JSON, an unknown type, a missing field.</summary>
    public const int BadRequest = 4400;

    /// <summary><c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The access token (upgrade request header or <c>connection_init</c> payload) did not validate.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not ask for the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within the allowed time.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;
}
