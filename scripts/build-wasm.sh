#!/usr/bin/env bash
# Builds the WebAssembly engine: Diagnostics, Replication, ScenarioLanguage and Sources/WasmEngine compiled in
# Embedded Swift for wasm32 (the toolchain's `wasm32-unknown-none-wasm` standard library, no C library: the few C
# functions it needs are Sources/WasmEngine/Runtime.c), linked by wasm-ld into a module that imports nothing.
#
#   scripts/build-wasm.sh           build, then write Sources/BuiltInEngine/engine.wasm.gz and engine-sources.sha256
#   scripts/build-wasm.sh --check   build, and fail unless the committed artifact is this build's, byte for byte,
#                                   and was built from these sources
#
# The build is deterministic: the same sources and toolchain give the same bytes (sources in a fixed order, relative
# paths, no debug information, gzip without name or time). engine-sources.sha256 is the hash of the sources it was
# built from (`sources_hash` below); EngineArtifactTests fails when it differs from the sources', so a stale engine
# cannot land. `replicalab build` embeds the artifact in Site/engine.js (docs/architecture.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: scripts/build-wasm.sh [--check]" >&2; exit 2 ;;
esac

artifact=Sources/BuiltInEngine/engine.wasm.gz
recorded=Sources/BuiltInEngine/engine-sources.sha256
modules=(Diagnostics Replication ScenarioLanguage WasmEngine)
exports=(replicalab_alloc replicalab_free replicalab_run replicalab_steps replicalab_judge replicalab_complete replicalab_help)

# The hash of the engine's sources: sha256sum of every file of the modules compiled in and of this script, in path
# order, hashed again. EngineArtifactTests computes it the same way.
sources_hash() {
  { for module in "${modules[@]}"; do find "Sources/$module" -type f; done; echo scripts/build-wasm.sh; } \
    | sort | xargs sha256sum | sha256sum | cut -d' ' -f1
}

swiftc="$(command -v swiftc)"
toolchain="$(dirname "$(dirname "$swiftc")")"
embedded="$toolchain/lib/swift/embedded/wasm32-unknown-none-wasm"
if [[ ! -d "$embedded" ]]; then
  echo "this Swift toolchain has no Embedded Swift for wasm32 ($embedded); use Swift 6.3 or later" >&2
  exit 2
fi

# Hashed before compiling: a source edited during the build makes the recorded hash stale, not wrong.
hash="$(sources_hash)"
scratch=.build/wasm
rm -rf "$scratch"
mkdir -p "$scratch"
flags=(-target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -swift-version 6 -wmo -Osize
  -parse-as-library -I "$scratch")
objects=()
for module in "${modules[@]}"; do
  echo "== $module" >&2
  mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
  "$swiftc" "${flags[@]}" -module-name "$module" -emit-module -emit-module-path "$scratch/$module.swiftmodule" \
    -c -o "$scratch/$module.o" "${sources[@]}"
  objects+=("$scratch/$module.o")
done
"$toolchain/bin/clang" --target=wasm32-unknown-unknown -Os -ffreestanding -nostdlib -Wall -Werror \
  -c Sources/WasmEngine/Runtime.c -o "$scratch/Runtime.o"
objects+=("$scratch/Runtime.o")

echo "== link" >&2
export_flags=()
for name in "${exports[@]}"; do export_flags+=("--export=$name"); done
# 8 MiB of stack, as a native main thread has.
"$toolchain/bin/wasm-ld" --no-entry "${export_flags[@]}" --gc-sections --strip-all -z stack-size=8388608 \
  -o "$scratch/engine.wasm" "${objects[@]}" "$embedded/libswiftUnicodeDataTables.a"
gzip -9 -n -c "$scratch/engine.wasm" > "$scratch/engine.wasm.gz"
echo "engine.wasm: $(wc -c < "$scratch/engine.wasm") bytes, gzipped $(wc -c < "$scratch/engine.wasm.gz"); sources $hash" >&2

if [[ "$check" == 1 ]]; then
  stale=0
  if [[ ! -f "$artifact" ]] || ! gzip -dc "$artifact" | cmp -s - "$scratch/engine.wasm"; then
    echo "$artifact is not what these sources build; run scripts/build-wasm.sh and commit its output" >&2
    stale=1
  fi
  if [[ "$(cat "$recorded" 2>/dev/null)" != "$hash" ]]; then
    echo "$recorded does not record these sources; run scripts/build-wasm.sh and commit its output" >&2
    stale=1
  fi
  exit "$stale"
fi
mkdir -p "$(dirname "$artifact")"
cp "$scratch/engine.wasm.gz" "$artifact.tmp" && mv "$artifact.tmp" "$artifact"
echo "$hash" > "$recorded.tmp" && mv "$recorded.tmp" "$recorded"
echo "wrote $artifact and $recorded" >&2
