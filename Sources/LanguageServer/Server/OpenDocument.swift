import Course

/// A document the client has open, with its scenario runs and its latest analysis.
struct OpenDocument {
    /// The URI as the client wrote it (diagnostics are published under exactly this one).
    var uri: String
    /// The file path the URI names; diagnostics carry it.
    var path: String
    /// A lesson or a script.
    var kind: DocumentKind
    /// The client's version of the text.
    var version: Int
    /// The text.
    var text: SourceText
    /// When the text last changed (publishing waits for the debounce after it).
    var changedAt: Swift.Duration
    /// The scenario runs kept between analyses.
    var runs = ScenarioRuns()
    /// The latest complete analysis (of this version or an older one).
    var analysis: DocumentAnalysis?
    /// The diagnostics last published, with the version they were for.
    var published: JSON?
    /// Whether the checks across lessons must run again before the next publication (another lesson changed).
    var needsCrossLessonCheck = true

    /// Whether the latest analysis is of the current text.
    var isAnalysed: Bool { analysis?.version == version }
}

/// A request waiting for its document's analysis.
struct PendingRequest {
    var id: RequestID
    var method: String
    var params: JSON
    var uri: String
}
