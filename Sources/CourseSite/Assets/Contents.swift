/// `toc.js`: the course's list of lessons, the one file that grows with the number of lessons. The script turns it
/// into the sidebar's contents on every page (mdBook's `toc.js` does the same, for the same reason: a contents list
/// in every page makes the site quadratic in the course's size).
enum Contents {
    static func javascript(_ lessons: [LessonRendering]) -> String {
        let entries = lessons.map { lesson in
            "{\"t\":\(SearchIndex.string(lesson.title)),\"u\":\(SearchIndex.string(lesson.pageName)),\"v\":\(lesson.isVerified ? 1 : 0)}"
        }
        return "window.REPLICALAB_TOC=[\n\(entries.joined(separator: ",\n"))\n];\n"
    }
}
