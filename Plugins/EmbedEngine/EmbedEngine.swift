import Foundation
import PackagePlugin

/// Compiles the WebAssembly engine into the target it is applied to: the committed `engine.wasm.gz` of the target's
/// folder (written by `scripts/build-wasm.sh`) becomes a Swift string literal, generated at build time whenever the
/// artifact changes, so `replicalab build` writes `Site/engine.js` from the binary alone.
@main
struct EmbedEngine: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let artifact = module.directoryURL.appending(path: "engine.wasm.gz")
        let hash = module.directoryURL.appending(path: "engine-sources.sha256")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInEngine+Wasm.swift")
        return [
            .buildCommand(
                displayName: "Embedding the WebAssembly engine in \(target.name)",
                executable: try context.tool(named: "EngineEmbedder").url,
                arguments: [output.path, artifact.path, hash.path],
                inputFiles: [artifact, hash],
                outputFiles: [output])
        ]
    }
}
