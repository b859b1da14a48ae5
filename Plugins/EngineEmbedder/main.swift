import Foundation

// Writes the Swift source that puts the WebAssembly engine into the `BuiltInEngine` module:
//
//     EngineEmbedder <output.swift> <engine.wasm.gz> <engine-sources.sha256>
//
// Run by the EmbedEngine build plugin. The gzipped module becomes a base64 string literal (what Site/engine.js
// embeds; fast to compile), the sources' hash a string. The output is rewritten only when it changes.

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(
        Data("usage: EngineEmbedder <output.swift> <engine.wasm.gz> <engine-sources.sha256>\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])

func read(_ path: String) -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        FileHandle.standardError.write(
            Data("\(path): error: cannot read the engine to embed it (run scripts/build-wasm.sh): \(error)\n".utf8))
        exit(1)
    }
}

let base64 = read(arguments[2]).base64EncodedString()
let hash = String(decoding: read(arguments[3]), as: UTF8.self).filter { $0.isHexDigit }

let source = """
    // Generated at build time by the EmbedEngine plugin from engine.wasm.gz. Do not edit: run scripts/build-wasm.sh.

    extension BuiltInEngine {
        static let embeddedGzipBase64 = "\(base64)"
        static let embeddedSourcesHash = "\(hash)"
    }

    """
if (try? Data(contentsOf: output)) != Data(source.utf8) {
    do {
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("\(output.path): error: cannot write the embedded engine: \(error)\n".utf8))
        exit(1)
    }
}
