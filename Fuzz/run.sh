#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for a time limit.
#
#   Fuzz/run.sh <parser|lesson|runner|server|pipeline> <seconds> [libFuzzer options…]
#
# The modules a target needs are compiled straight from Sources/ with swiftc (-O, coverage instrumentation and
# AddressSanitizer), into .build-fuzz/ (recompiled only when their sources change), then linked with the target's
# entry file Fuzz/<Target>Fuzz.swift (and Fuzz/ByteReader.swift for the targets that generate their inputs);
# libFuzzer supplies `main`. The run starts from the committed seed corpus Fuzz/corpus/<target>/ and writes new
# inputs to .build-fuzz/corpus/<target>/ (not committed); a crash or hang leaves its input in
# .build-fuzz/artifacts/<target>/ and makes the script exit non-zero.
# FUZZ_BUILD_ONLY=1 only builds.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: Fuzz/run.sh <parser|lesson|runner|server|pipeline> <seconds> [libFuzzer options…]"
target="${1:?$usage}"
seconds="${2:?$usage}"
shift 2

case "$target" in
  parser) modules=(Diagnostics Replication ScenarioLanguage); entry=Fuzz/ScenarioParserFuzz.swift ;;
  lesson) modules=(Diagnostics Replication ScenarioLanguage LessonMarkdown); entry=Fuzz/LessonFuzz.swift ;;
  runner) modules=(Diagnostics Replication ScenarioLanguage)
    entry=(Fuzz/ScenarioRunnerFuzz.swift Fuzz/ByteReader.swift) ;;
  server) modules=(Diagnostics Replication ScenarioLanguage LessonMarkdown Course LanguageServer)
    entry=(Fuzz/LanguageServerFuzz.swift) ;;
  pipeline) modules=(Diagnostics Replication ScenarioLanguage LessonMarkdown Course BuiltInEngine CourseSite)
    entry=(Fuzz/PipelineFuzz.swift Fuzz/ByteReader.swift) ;;
  *) echo "unknown fuzz target '$target' (parser, lesson, runner, server or pipeline)" >&2; exit 2 ;;
esac

build=.build-fuzz
mkdir -p "$build/modules" "$build/corpus/$target" "$build/artifacts/$target"
common=(-O -parse-as-library -sanitize=fuzzer,address -swift-version 6 -warnings-as-errors -I "$build/modules"
  -I Sources/CCmark)
for flag in $(pkg-config --cflags libcmark); do common+=(-Xcc "$flag"); done

# Several targets may build at once (e.g. three runs started together): one build at a time.
exec 9>"$build/build.lock"
flock 9
objects=()
chain=""
for module in "${modules[@]}"; do
  sources=()
  while IFS= read -r file; do sources+=("$file"); done < <(find "Sources/$module" -name '*.swift' | LC_ALL=C sort)
  if [[ "$module" == BuiltInEngine ]]; then
    # What the EmbedEngine build plugin generates (Plugins/EngineEmbedder): the committed engine as base64.
    generated="$build/modules/BuiltInEngine+Wasm.swift"
    printf 'extension BuiltInEngine {\n    static let embeddedGzipBase64 = "%s"\n    static let embeddedSourcesHash = "%s"\n}\n' \
      "$(base64 -w0 Sources/BuiltInEngine/engine.wasm.gz)" \
      "$(tr -dc 0-9a-f < Sources/BuiltInEngine/engine-sources.sha256)" > "$generated"
    sources+=("$generated")
  fi
  # A module is rebuilt when its sources or any module before it changed (cross-module inlining at -O).
  stamp="$( (cat "${sources[@]}" "$0"; echo "$chain") | sha256sum | cut -d' ' -f1)"
  chain="$stamp"
  object="$build/modules/$module.o"
  if [[ ! -f "$object" || "$(cat "$build/modules/$module.stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "== compiling $module" >&2
    swiftc "${common[@]}" -wmo -module-name "$module" -emit-module \
      -emit-module-path "$build/modules/$module.swiftmodule" -c "${sources[@]}" -o "$object"
    echo "$stamp" > "$build/modules/$module.stamp"
  fi
  objects+=("$object")
done

binary="$build/fuzz-$target"
echo "== linking $binary" >&2
swiftc "${common[@]}" -module-name "Fuzz_$target" "${entry[@]}" "${objects[@]}" $(pkg-config --libs libcmark) \
  -o "$binary" 2> >(grep -v "Cannot export local symbol" >&2)

flock -u 9
[[ "${FUZZ_BUILD_ONLY:-0}" == 1 ]] && exit 0

echo "== fuzzing $target for ${seconds}s" >&2
# Swift's own crash handler fights AddressSanitizer over a crashing process; let libFuzzer report crashes.
export SWIFT_BACKTRACE=enable=no
# Statics built once are not leaks (see the file).
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
exec "$binary" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/$target/" "$@" "$build/corpus/$target" "Fuzz/corpus/$target"
