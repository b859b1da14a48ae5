/// The stylesheet's part for finding and reading: the top bar with the search and the theme switch, search results,
/// tables that keep their first column while the rest scrolls (with a visible cue), the consumer-group table, and
/// the print view (prose and each scenario's final state, every `details` open).
enum ReadingStyles {
    static let css = """
        .topbar { flex-wrap: wrap; align-items: center; justify-content: flex-start; gap: 0.4rem 1rem; position: relative;
          z-index: 5; }
        .topbar .home { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; }
        .topbar .search { flex: 1 1 100%; position: relative; margin: 0; }
        .topbar .search[hidden] { display: none; }
        @media (min-width: 40rem) { .topbar .search { flex: 0 1 20rem; } }
        @media (min-width: 62rem) { .topbar .contents-link { display: none; } .sidebar { top: 0; } }
        .search input::placeholder { color: var(--muted); opacity: 1; }
        .search-results { display: none; position: absolute; left: 0; top: 100%; margin: 0.3rem 0 0; padding: 0.3rem;
          list-style: none; width: max(100%, min(36rem, calc(100vw - 2rem))); max-height: 75vh; overflow-y: auto;
          background: var(--bg); border: 1px solid var(--control); border-radius: 6px;
          box-shadow: 0 6px 24px rgb(0 0 0 / 0.25); font-size: 0.92rem; }
        .search.open .search-results:not(:empty) { display: block; }
        .search-results li { margin: 0; }
        .search-results li + li { border-top: 1px solid var(--rule); }
        .search-results a { display: block; padding: 0.4rem 0.5rem; border-radius: 4px; color: var(--fg);
          text-decoration: none; }
        .search-results a:hover, .search-results a:focus { background: var(--code-bg); }
        .search-results a.more { padding-top: 0.1rem; }
        .hit-title { font-weight: 700; color: var(--accent); }
        .hit-section { color: var(--accent); }
        .snippet { display: block; color: var(--muted); font-size: 0.85rem; line-height: 1.45; }
        .snippet mark { background: var(--changed); color: var(--fg); font-weight: 600; border-radius: 2px; }
        .theme select { font: inherit; font-size: 0.85rem; color: var(--fg); background: var(--bg);
          border: 1px solid var(--control); border-radius: 4px; padding: 0.15rem 0.3rem; }
        .theme[hidden] { display: none; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 0.5rem; top: 0.5rem; }
        select:focus-visible, .table-wrap:focus-visible, pre:focus-visible { outline: 3px solid var(--accent);
          outline-offset: 2px; }
        .table-wrap { position: relative; max-width: 100%; }
        .table-wrap table { border-collapse: separate; border-spacing: 0; }
        .table-wrap th, .table-wrap td { border-width: 0 1px 1px 0; }
        .table-wrap tr > :first-child { border-left-width: 1px; }
        .table-wrap thead th, .table-wrap table > tr:first-child > * { border-top-width: 1px; }
        .broker-table tbody th, .replica-table tbody th, .group-table tbody th,
        .broker-table thead th:first-child, .replica-table thead th:first-child, .group-table thead th:first-child {
          position: sticky; left: 0; z-index: 1; background: var(--bg); }
        .broker-table thead th:first-child, .replica-table thead th:first-child, .group-table thead th:first-child {
          background: var(--code-bg); }
        .table-wrap.more-left tbody th, .table-wrap.more-left thead th:first-child {
          box-shadow: 6px 0 6px -4px rgb(0 0 0 / 0.35); }
        .table-wrap.more-right, pre.more-right {
          -webkit-mask-image: linear-gradient(to left, transparent 0, #000 2.2rem);
          mask-image: linear-gradient(to left, transparent 0, #000 2.2rem); }
        .scroll-hint { margin: 0.4rem 0 -0.5rem; font-size: 0.8rem; color: var(--muted); }
        .scroll-hint[hidden] { display: none; }
        .group-table td, .group-table th { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap;
          font-size: 0.85rem; }
        .group-table thead th { font-family: inherit; font-size: 0.75rem; }
        .group-note { font-size: 0.9rem; color: var(--muted); margin: 0.3rem 0; }
        .group > figcaption { font-size: 0.9rem; color: var(--muted); }
        .final-state { display: none; }
        th > code { white-space: nowrap; overflow-wrap: normal; }
        .diagram > figcaption.changes { margin-top: 0.6rem; }
        .try-list pre { margin-top: 0.3rem; }
        pre.commands { white-space: pre; }
        @media print {
          .topbar, .site-footer .search, .steps, .transcript, .scroll-hint, .legend-link { display: none !important; }
          .final-state { display: block; }
          .scenario { break-inside: auto; border-color: #999; }
          .table-wrap { overflow: visible; -webkit-mask-image: none; mask-image: none; }
          pre { -webkit-mask-image: none; mask-image: none; }
          details::details-content { content-visibility: visible; display: block; }
          tbody th, thead th { position: static; box-shadow: none; }
          table { break-inside: avoid; }
          a { color: inherit; }
        }

        """
}
