/// The site's one stylesheet: system fonts only, light and dark themes, readable from 320 px to wide screens.
enum Stylesheet {
    static let css = """
        :root {
          --bg: #fdfdfb; --fg: #1d232b; --muted: #5b6470; --accent: #0b5cad; --rule: #d9dde3;
          --code-bg: #f3f5f8; --ok: #176b34; --bad: #a4161a; --chip: #e6eef8; --chip-leader: #fde7c8;
          --max: 46rem;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #15191e; --fg: #e4e7eb; --muted: #9aa4b1; --accent: #7ab8ff; --rule: #2e3640;
            --code-bg: #1e242b; --ok: #6fd08c; --bad: #ff8a8a; --chip: #233447; --chip-leader: #4a3618;
          }
        }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--fg);
          font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        main { max-width: var(--max); margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        a { color: var(--accent); }
        a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        h1, h2, h3 { line-height: 1.25; }
        h1 { font-size: 2rem; margin: 0.5rem 0; }
        h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88rem; }
        :not(pre) > code { background: var(--code-bg); padding: 0.05rem 0.3rem; border-radius: 4px; }
        pre { background: var(--code-bg); padding: 0.8rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; tab-size: 8; }
        .eyebrow { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 0.8rem; margin: 0; }
        .lede { color: var(--muted); font-size: 1.1rem; }
        .lesson-list li { margin: 0.5rem 0; }
        .verified { color: var(--ok); font-size: 0.85rem; white-space: nowrap; }
        .unverified { color: var(--bad); font-size: 0.85rem; font-weight: 600; }
        .crumbs { font-size: 0.9rem; }
        .scenario { border: 1px solid var(--rule); border-radius: 8px; padding: 0.5rem 1rem 1rem; margin: 1.5rem 0; }
        .scenario-title { font-size: 1.05rem; }
        .scenario-grid { display: grid; gap: 0.8rem; }
        .scenario-grid > *, .scenario > * { min-width: 0; }
        :not(pre) > code { overflow-wrap: anywhere; }
        figure { margin: 0; }
        figcaption { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
        .ln { display: inline-block; width: 2.2em; color: var(--muted); user-select: none; }
        .cmd { font-weight: 700; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
        caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.3rem; }
        th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: var(--code-bg); }
        tbody th { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
        .chip { display: inline-block; background: var(--chip); border-radius: 4px; padding: 0 0.35rem; margin: 0.1rem 0; font-family: ui-monospace, Menlo, Consolas, monospace; }
        .chip.leader { background: var(--chip-leader); font-weight: 700; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; flex-wrap: wrap; }
        .site-footer { max-width: var(--max); margin: 0 auto; padding: 1rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--rule); }
        @media (min-width: 60rem) { :root { --max: 58rem; } }
        @media print { .pager, .crumbs { display: none; } body { background: #fff; color: #000; } pre { white-space: pre-wrap; } }

        """
}
