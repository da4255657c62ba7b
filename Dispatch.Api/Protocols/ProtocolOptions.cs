namespace Dispatch.Api.Protocols;

/// <summary>Where the shipped protocol cards are read at start (<c>Protocols:CardsPath</c>).</summary>
public sealed class ProtocolOptions
{
    public const string Section = "Protocols";

    /// <summary>The folder of card files (*.json); empty for the cards shipped beside the app.</summary>
    public string CardsPath { get; set; } = "";

    public string Folder => CardsPath.Trim().Length > 0 ? CardsPath : Path.Combine(AppContext.BaseDirectory, "Protocols", "Cards");
}
