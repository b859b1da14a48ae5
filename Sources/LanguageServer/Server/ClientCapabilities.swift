/// What the client said it supports in `initialize`, as far as the server adapts to it.
struct ClientCapabilities {
    /// The position encoding agreed on: the first of the client's `general.positionEncodings` the server supports,
    /// else UTF-16 (the protocol's default).
    var positionEncoding = PositionEncoding.utf16
    /// Whether diagnostics may carry notes as related information.
    var relatedInformation = false
    /// Whether document symbols may be hierarchical.
    var hierarchicalSymbols = false
    /// Code action support.
    var codeActions = CodeActions.ClientSupport()

    init() {}

    /// Reads the `capabilities` of `initialize`.
    init(_ json: JSON?) {
        let offered = json?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        positionEncoding = offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
        let document = json?["textDocument"]
        relatedInformation = document?["publishDiagnostics"]?["relatedInformation"]?.bool ?? false
        hierarchicalSymbols = document?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.bool ?? false
        codeActions.disabled = document?["codeAction"]?["disabledSupport"]?.bool ?? false
        codeActions.documentChanges = json?["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
    }
}
