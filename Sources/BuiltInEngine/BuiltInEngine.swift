/// The WebAssembly engine as it was when this executable was built: `engine.wasm.gz` of this folder (built from the
/// engine modules by `scripts/build-wasm.sh`), compiled in by the EmbedEngine build plugin, so `replicalab build`
/// can write `Site/engine.js` from the binary alone.
public enum BuiltInEngine {
    /// The gzipped WebAssembly module, base64-encoded: what `engine.js` carries.
    public static var gzipBase64: String { embeddedGzipBase64 }

    /// The SHA-256 of the engine sources the module was built from (see `scripts/build-wasm.sh`).
    public static var sourcesHash: String { embeddedSourcesHash }
}
