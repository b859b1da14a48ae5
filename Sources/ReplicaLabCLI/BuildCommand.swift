import ArgumentParser
import Course
import CourseSite
import Diagnostics
import Foundation

/// `replicalab build`: verify the lessons, then write the course site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Verify the lessons and write the verified course site.",
        discussion: """
            Lessons that did not change since the last build (same bytes, same ReplicaLab executable) are taken from \
            the build cache in the user's cache folder ($REPLICALAB_CACHE_DIR, else $XDG_CACHE_HOME/replicalab, else ~/.cache/replicalab); --no-cache verifies everything again.

            Nothing is written unless every lesson verifies. The site is built in a temporary folder beside the \
            output folder and then swapped in (one atomic exchange), so a failed or interrupted build never leaves a \
            half-written site, and the site is never missing. One build at a time writes a folder: a second one \
            waits. A folder that is not empty is replaced only if it holds the marker file every site has \
            (.replicalab-site), or with --force.

            Examples:
              replicalab build
              replicalab build --lessons Lessons --out Site
            """
    )

    @Option(help: "The folder of lessons.")
    var lessons = "Lessons"

    @Option(help: "The folder to write the site to (replaced as a whole).")
    var out = "Site"

    @Flag(help: "Verify and render every lesson, without reading or writing the build cache.")
    var noCache = false

    @Flag(help: "Replace the output folder even when it has files and is not a site ReplicaLab wrote.")
    var force = false

    @Option(help: "How many lessons to verify at once (default: one per core).")
    var jobs = ParallelMap.defaultJobs

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try checkPaths()
        Posix.keepFreedMemory()
        let site = try SiteWriter(output: out, force: force)
        defer { site.close() }
        let reading = LessonFiles.read([lessons])
        let cache = noCache ? nil : BuildCache(output: out)
        if let cache, reading.problems.isEmpty, let incremental = incrementalSite(reading.files, cache: cache) {
            let count = try write(
                incremental.renderings, courseIsVerified: true, reusing: incremental.reused, to: site,
                summary: incremental.summary)
            cache.storeManifest(incremental.pageKeys, output: out)
            Terminal.standardError.write("wrote \(count) files to \(out)\n")
            return
        }
        let budget = Budgets.ofThisRun.lessonRenderedBytes
        // Without the cache, each lesson's page up to the end of its article is written as soon as the lesson is
        // rendered, and the article is not held until the end (a thousand lessons' articles are hundreds of MB);
        // the build cache stores the articles once the course is known to be clean, so with it they are held.
        var done: (built: [LessonBuild], course: VerifiedCourse, renderings: [LessonRendering], count: Int)?
        // The writer fills a second stage when the output turns out to be a mount point it did not recognise: the
        // course is then built into it again, and reported once.
        var isReported = false
        try site.write { stage in
            let built = ParallelMap.map(CourseVerifier.ordered(reading.files), jobs: jobs) {
                LessonBuild($0, byteBudget: budget, staging: cache == nil ? stage : nil)
            }
            var course = CourseVerifier.assemble(
                outlined: built.map { ($0.outlined, $0.problems) }, limits: .ofThisRun)
            course.diagnostics = (course.diagnostics + reading.problems).sorted()
            if !isReported { report(course, usesColor: Terminal.standardError.usesColor) }
            isReported = true
            guard course.isVerified else {
                Terminal.standardError.write("replicalab: nothing written to \(out): the lessons did not verify\n")
                throw ExitCode(course.diagnostics.exitCode)
            }
            let (renderings, staged) = try renderingsWithinBudget(course.lessons, built)
            let count = try fill(
                stage, renderings, courseIsVerified: course.isVerified, reusing: [], staged: staged)
            done = (built, course, renderings, count)
        }
        guard let (built, course, renderings, count) = done else { return }
        Terminal.standardError.write("wrote \(count) files to \(out)\n")
        if let cache, course.diagnostics.isEmpty {
            let keyed = Dictionary(uniqueKeysWithValues: reading.files.map { ($0.path, cache.key(for: $0)) })
            var pageKeys: [String: String] = [:]
            for (rendering, context) in zip(renderings, SiteRenderer.pageContexts(renderings)) {
                guard let key = keyed[rendering.path] else { continue }
                pageKeys[rendering.pageName] = BuildCache.pageKey(lessonKey: key, context: context)
            }
            let outlines = Dictionary(
                built.compactMap { $0.outlined.map { ($0.lesson.lesson.path, $0.outline) } },
                uniquingKeysWith: { first, _ in first })
            for (lesson, rendering) in zip(course.lessons, renderings) {
                let path = lesson.lesson.path
                if let key = keyed[path], let outline = outlines[path] { cache.store(key, rendering, outline) }
            }
            cache.prune(keeping: Set(keyed.values))
            cache.storeManifest(pageKeys, output: out)
        }
    }

    /// Writes the site of `renderings` (every lesson's, in course order), taking the pages named in `reusing` from
    /// the current site, and prints `summary` once the site is known to be within its budgets; returns how many
    /// files the site has. When a page or the whole site is larger than its budget, the build stops and nothing is
    /// written (the folder being filled is dropped).
    private func write(
        _ renderings: [LessonRendering], courseIsVerified: Bool, reusing reused: [String], to site: SiteWriter,
        summary: String? = nil
    ) throws -> Int {
        var count = 0
        try site.write(reusing: reused) { stage in
            count = try fill(
                stage, renderings, courseIsVerified: courseIsVerified, reusing: reused, staged: [], summary: summary)
        }
        return count
    }

    /// Fills `stage` with the site of `renderings` as `write` does, but for the pages named in `reusing`; returns
    /// how many files the site has. The lesson pages are made on `jobs` threads and each is written as soon as it
    /// is made, so the site is never held whole. `staged[i]`, when there is one, is how many bytes of the page of
    /// `renderings[i]` are in `stage` already (its opening and article, which `renderings[i]` no longer holds).
    private func fill(
        _ stage: SiteWriter.Stage, _ renderings: [LessonRendering], courseIsVerified: Bool, reusing reused: [String],
        staged: [Int?], summary: String? = nil
    ) throws -> Int {
        let shared = SiteRenderer.sharedFiles(renderings, courseIsVerified: courseIsVerified)
        let isReused = Set(reused)
        let indices = renderings.indices.filter { !isReused.contains(renderings[$0].pageName) }
        let written = ParallelMap.map(indices, jobs: jobs) { index -> Result<Int, any Error> in
            Result {
                let rendering = renderings[index]
                let closing = SiteRenderer.lessonPageClosing(index, of: renderings)
                if index < staged.count, let bytes = staged[index] {
                    try stage.append(rendering.pageName, closing)
                    return bytes + closing.count
                }
                let opening = SiteRenderer.lessonPageOpening(rendering)
                try stage.create(rendering.pageName, parts: opening, rendering.article, closing)
                return opening.count + rendering.article.count + closing.count
            }
        }
        var sizes: [String: Int] = [:]
        for (index, result) in zip(indices, written) { sizes[renderings[index].pageName] = try result.get() }
        try checkRenderedBudgets(pageSizes: sizes, otherFiles: shared, renderings: renderings)
        if let summary { Terminal.standardError.write("\(summary)\n") }
        for file in shared { try stage.create(file.path, file.contents) }
        return shared.count + renderings.count
    }

    /// Every lesson's rendering, in course order, with how many bytes of its page are staged already (see
    /// `LessonBuild.stagedBytes`); each stopped as soon as its page passed the page budget, and then the build
    /// stops, writing nothing.
    private func renderingsWithinBudget(_ lessons: [VerifiedLesson], _ built: [LessonBuild]) throws
        -> (renderings: [LessonRendering], staged: [Int?])
    {
        let byPath = Dictionary(
            built.compactMap { build in build.outlined.map { ($0.lesson.lesson.path, build) } },
            uniquingKeysWith: { first, _ in first })
        var renderings: [LessonRendering] = []
        var staged: [Int?] = []
        var problems: [Diagnostic] = []
        for lesson in lessons {
            // Every lesson of a verified course was rendered (a lesson is left out only when it has errors).
            guard let build = byPath[lesson.lesson.path], let result = build.rendering else {
                throw CLIError("internal error: \(lesson.lesson.path) verified but was not rendered")
            }
            switch result {
            case .success(let rendering):
                renderings.append(rendering)
                staged.append(build.stagedBytes)
            case .failure(let tooLarge):
                problems.append(
                    Budgets.ofThisRun.pageTooLarge(lesson.lesson.path, renderedBytes: tooLarge.renderedBytes))
            }
        }
        guard !problems.isEmpty else { return (renderings, staged) }
        Terminal.standardError.write(DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text(problems))
        Terminal.standardError.write("replicalab: nothing written to \(out): the site would be too large\n")
        throw ExitCode(2)
    }

    /// Stops the build, writing nothing, when a lesson's page or the whole site is larger than its budget:
    /// `pageSizes` are the sizes of the pages made now (the others are the current site's), `otherFiles` the site's
    /// files besides the lesson pages.
    private func checkRenderedBudgets(
        pageSizes: [String: Int], otherFiles: [(path: String, contents: String)], renderings: [LessonRendering]
    ) throws {
        let pages = renderings.map { rendering in
            let size =
                pageSizes[rendering.pageName]
                ?? Posix.status(LessonFiles.join(out, rendering.pageName)).map { Int($0.st_size) } ?? 0
            return (path: rendering.path, bytes: size)
        }
        let other = otherFiles.reduce(0) { $0 + $1.contents.utf8.count }
        let problems = Budgets.ofThisRun.renderedDiagnostics(pages: pages, otherBytes: other)
        guard !problems.isEmpty else { return }
        Terminal.standardError.write(DiagnosticPrinter(usesColor: Terminal.standardError.usesColor).text(problems))
        Terminal.standardError.write("replicalab: nothing written to \(out): the site would be too large\n")
        throw ExitCode(2)
    }

    /// The site built from cached lessons plus the lessons that changed, or nil when anything is not clean (a
    /// lesson or a link between lessons has a problem): then the full build runs and reports as it always does.
    /// Lesson pages whose lesson and context did not change, and whose file is still the one the last build wrote,
    /// are reused as they are (`reused`).
    private func incrementalSite(_ files: [LessonFile], cache: BuildCache) -> (
        reused: [String], renderings: [LessonRendering], pageKeys: [String: String], summary: String
    )? {
        let ordered = CourseVerifier.ordered(files)
        let keys = ParallelMap.map(ordered, jobs: jobs) { cache.key(for: $0) }
        let cached = ParallelMap.map(keys, jobs: jobs) { cache.load($0) }
        let missing = ordered.indices.filter { cached[$0] == nil }
        let fresh = ParallelMap.map(missing.map { ordered[$0] }, jobs: jobs) {
            file -> (rendering: LessonRendering, outline: LessonOutline)? in
            let (lesson, problems) = CourseVerifier.verify(file, limits: .ofThisRun)
            // A page past its budget is reported by the full build.
            guard let lesson, problems.isEmpty,
                let rendering = try? SiteRenderer.renderLesson(
                    lesson, byteBudget: Budgets.ofThisRun.lessonRenderedBytes)
            else { return nil }
            return (rendering, lesson.outline)
        }
        var entries = cached
        for (index, result) in zip(missing, fresh) {
            guard let result else { return nil }
            entries[index] = result
        }
        let all = zip(keys, entries).compactMap { key, entry in entry.map { (key: key, entry: $0) } }.sorted {
            ($0.entry.outline.number, $0.entry.outline.path) < ($1.entry.outline.number, $1.entry.outline.path)
        }
        guard CourseVerifier.crossLessonDiagnostics(all.map(\.entry.outline), limits: .ofThisRun).isEmpty else {
            return nil
        }
        for (index, result) in zip(missing, fresh) {
            if let result { cache.store(keys[index], result.rendering, result.outline) }
        }
        cache.prune(keeping: Set(keys))

        var renderings = all.map(\.entry.rendering)
        let isFresh = Set(missing.map { ordered[$0].path })
        let manifest = cache.manifest()
        var pageKeys: [String: String] = [:]
        var reused: Set<Int> = []
        for (index, context) in SiteRenderer.pageContexts(renderings).enumerated() {
            let page = renderings[index].pageName
            let key = BuildCache.pageKey(lessonKey: all[index].key, context: context)
            pageKeys[page] = key
            if !isFresh.contains(renderings[index].path), let record = manifest.pages[page], record.key == key,
                BuildCache.FileIdentity(path: LessonFiles.join(out, page)) == record.file
            {
                reused.insert(index)
            }
        }
        // The articles of the pages to render again, read in parallel (the fresh lessons have theirs).
        let wanted = renderings.indices.map { index in
            reused.contains(index) || isFresh.contains(renderings[index].path) ? nil : all[index].key
        }
        let articles = ParallelMap.map(wanted, jobs: jobs) { key in key.flatMap { cache.article($0) } }
        for (index, article) in articles.enumerated() where !reused.contains(index) {
            if isFresh.contains(renderings[index].path) { continue }
            guard let article else { return nil }
            renderings[index].article = article
        }
        let summary =
            VerifiedCourse.counts(
                lessons: renderings.count, scenarios: renderings.reduce(0) { $0 + $1.scenarioCount },
                expectations: renderings.reduce(0) { $0 + $1.expectationCount },
                exercises: renderings.reduce(0) { $0 + $1.exerciseCount }) + ": all verified"
        return (reused.sorted().map { renderings[$0].pageName }, renderings, pageKeys, summary)
    }

    /// The output folder is replaced as a whole, so it must not be the lessons folder, contain it, or be the root.
    private func checkPaths() throws {
        let outURL = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
        let lessonsURL = URL(fileURLWithPath: lessons).standardizedFileURL.resolvingSymlinksInPath()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
            .resolvingSymlinksInPath()
        let outPath = outURL.path.hasSuffix("/") ? outURL.path : outURL.path + "/"
        if outURL.path == "/" || outURL == cwd || lessonsURL.path == outURL.path
            || (lessonsURL.path + "/").hasPrefix(outPath)
            || (cwd.path + "/").hasPrefix(outPath)
        {
            throw CLIError("refusing to write the site to \(out): it would replace the lessons or the working folder")
        }
    }
}

/// A lesson verified and, when it has no errors, rendered at once: its pictures and tables are drawn from the states
/// its scenarios went through, which are dropped as soon as the page is rendered, so a course of a thousand lessons
/// never holds them all (and each lesson's states are read while they are still in the cache). With a stage to
/// write to, its page up to the end of the article is written there at once and the article is not kept.
struct LessonBuild: Sendable {
    /// The lesson, without its states, and its outline (nil when it could not be parsed).
    var outlined: (lesson: VerifiedLesson, outline: LessonOutline)?
    /// What verifying it found.
    var problems: [Diagnostic]
    /// Its rendering, or the size at which its page passed `byteBudget`; nil when the lesson has errors (the site is
    /// written only when every lesson verifies, so its page would not be written).
    var rendering: Result<LessonRendering, PageTooLarge>?
    /// How many bytes of its page were written to the stage (the opening and the article, which the rendering then
    /// no longer holds); nil when none were.
    var stagedBytes: Int?

    init(_ file: LessonFile, byteBudget: Int, staging stage: SiteWriter.Stage? = nil) {
        var (verified, problems) = CourseVerifier.verify(file, limits: .ofThisRun)
        self.problems = problems
        if let verified, !problems.containsErrors {
            rendering = Result { () throws(PageTooLarge) in
                try SiteRenderer.renderLesson(verified, byteBudget: byteBudget)
            }
        }
        verified?.dropStates()
        outlined = verified.map { ($0, $0.outline) }
        // A page that cannot be staged (two lessons with one page name, which the course's checks report) keeps
        // its article and is written with the rest of the site.
        if let stage, case .success(var page)? = rendering {
            let opening = SiteRenderer.lessonPageOpening(page)
            if (try? stage.create(page.pageName, parts: opening, page.article)) != nil {
                stagedBytes = opening.count + page.article.count
                page.article = []
                rendering = .success(page)
            }
        }
    }
}
