extension Page {
    /// The bar at the top of every page: the search first (the first stop of the Tab order, at the top on a phone),
    /// the skip link, the course, the page about getting the tool, the theme switch, and the link to the contents.
    /// The search and the theme switch need the script, so they are hidden until it shows them.
    static let topbar: HTMLNode =
        .element(
            .header, [.class("topbar")],
            [
                .newline,
                .element(
                    .form, [.class("search"), .init("role", "search"), .hidden],
                    [
                        .element(
                            .label, [.class("visually-hidden"), .init("for", "search-input")], text: "Search the course"
                        ),
                        .element(
                            .input,
                            [
                                .id("search-input"), .init("type", "search"), .init("autocomplete", "off"),
                                .init("placeholder", "Search the course (press /)"),
                                .init("aria-describedby", "search-status"),
                            ]),
                        .element(
                            .p,
                            [.class("search-status visually-hidden"), .id("search-status"), .init("role", "status")]),
                        .element(.ul, [.class("search-results"), .ariaLabel("Search results")]),
                    ]),
                .newline,
                .element(.a, [.class("skip"), .href("#content")], text: "Skip to content"),
                .element(.a, [.class("home"), .href("index.html")], text: SiteRenderer.courseTitle),
                .element(.a, [.class("tool-link"), .href(ToolPage.pageName)], text: "Get the tool"),
                .element(.a, [.class("tool-link"), .href(SiteFiles.playground)], text: "Playground"),
                .element(
                    .label, [.class("theme"), .hidden],
                    [
                        .element(.span, [.class("visually-hidden")], text: "Theme"),
                        .element(
                            .select, [.id("theme-choice")],
                            [
                                .element(.option, [.init("value", "system")], text: "◐ System theme"),
                                .element(.option, [.init("value", "light")], text: "☀ Light"),
                                .element(.option, [.init("value", "dark")], text: "☾ Dark"),
                            ]),
                    ]),
                .element(.a, [.class("contents-link"), .href("#course-contents")], text: "Contents"),
                .newline,
            ])
}

extension HTMLTag {
    static let select = HTMLTag("select")
    static let option = HTMLTag("option")
    static let mark = HTMLTag("mark")
}
