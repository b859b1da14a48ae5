import BuiltInEngine
import Course
import Foundation
import ReplicaLabTestSupport
import Testing

/// The committed WebAssembly engine (`Sources/BuiltInEngine/engine.wasm.gz`) is the one its sources build: the hash
/// of the sources it was built from is recorded beside it, and this fails when the sources changed since, so a stale
/// engine cannot land (`scripts/build-wasm.sh --check` in CI rebuilds it and compares the bytes too).
struct EngineArtifactTests {
    /// The folders compiled into the engine, and the script that builds it (as `scripts/build-wasm.sh` lists them).
    static let modules = ["Diagnostics", "Replication", "ScenarioLanguage", "WasmEngine"]

    @Test func theCommittedEngineWasBuiltFromTheseSources() throws {
        let recorded = try Repository.text("Sources/BuiltInEngine/engine-sources.sha256")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let current = try Self.sourcesHash()
        #expect(
            recorded == current,
            "the WebAssembly engine is stale: its sources changed since it was built; run scripts/build-wasm.sh and commit Sources/BuiltInEngine/"
        )
        #expect(BuiltInEngine.sourcesHash == recorded, "this build embeds another engine than the committed one")
    }

    @Test func theEngineIsAWebAssemblyModuleThatImportsNothing() throws {
        let gzip = try #require(
            ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = ["-dc", Repository.url("Sources/BuiltInEngine/engine.wasm.gz").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let module = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(module.starts(with: [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]), "not a WebAssembly module")
        // Sections: an id byte and a LEB128 size. Section 2 is the imports.
        var sections: [UInt8] = []
        var index = 8
        while index < module.count {
            let id = module[index]
            index += 1
            var size = 0
            var shift = 0
            while index < module.count {
                let byte = module[index]
                index += 1
                size |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            sections.append(id)
            index += size
        }
        #expect(index == module.count, "the module's sections do not add up")
        #expect(!sections.contains(2), "the module imports something: the page would have to provide it")
        #expect(sections.contains(7), "the module exports nothing")
    }

    /// SHA-256 over `sha256sum`'s listing of the engine's source files in path order, as `scripts/build-wasm.sh`
    /// computes it.
    static func sourcesHash() throws -> String {
        var paths = ["scripts/build-wasm.sh"]
        for module in modules {
            let folder = Repository.url("Sources/\(module)")
            let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
            for case let relative as String in enumerator {
                var isDirectory: ObjCBool = false
                let path = "Sources/\(module)/\(relative)"
                if FileManager.default.fileExists(atPath: Repository.url(path).path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    paths.append(path)
                }
            }
        }
        var listing = ""
        for path in paths.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            listing += SHA256.hex(try Array(Repository.data(path))) + "  " + path + "\n"
        }
        return SHA256.hex(Array(listing.utf8))
    }
}
