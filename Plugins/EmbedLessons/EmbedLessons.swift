import Foundation
import PackagePlugin

/// Compiles the course into the target it is applied to: the `*.md` files of the repository's `Lessons/` folder
/// become Swift source, generated at build time whenever a lesson is added, removed or changed. The `replicalab`
/// executable then carries the course it was built with, so `replicalab lessons` and `replicalab run 03` work from
/// any folder with only the binary, and no committed copy can go stale.
///
/// The target reaches the lessons through a symbolic link in its folder (`Sources/BuiltInLessons/Lessons` →
/// `../../Lessons`): SwiftPM then counts them among the target's files, so it plans the build again when one is added
/// or removed. (A plugin that listed the folder itself would be asked again only when the target's own files change,
/// and a removed lesson would fail the build as a missing input.)
@main
struct EmbedLessons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let folder = module.directoryURL.appending(path: "Lessons").standardizedFileURL.path
        // The lessons directly in the folder, as `replicalab check` reads them (not in subfolders, not hidden).
        let lessons = module.sourceFiles(withSuffix: ".md").map(\.url)
            .filter {
                $0.deletingLastPathComponent().standardizedFileURL.path == folder
                    && !$0.lastPathComponent.hasPrefix(".")
            }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInCourse+Lessons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(lessons.count) lessons in \(target.name)",
                executable: try context.tool(named: "LessonEmbedder").url,
                arguments: [output.path] + lessons.map(\.path),
                inputFiles: lessons,
                outputFiles: [output])
        ]
    }
}
