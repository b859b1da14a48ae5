/// The site's one stylesheet: system fonts only, light and dark themes, readable from 320 px to wide screens.
///
/// The dark palette applies when the system prefers it and the reader did not choose light, or when the reader chose
/// dark (the theme switch sets `data-theme` on the root element).
enum Stylesheet {
    static let dark = """
        --bg: #14181d; --fg: #e4e7eb; --muted: #a0a9b5; --accent: #7ab8ff; --rule: #2f3741; \
        --code-bg: #1d232a; --ok: #6fd08c; --bad: #ff8a8a; --chip: #233447; --chip-leader: #4d3716; \
        --changed: #4a4210; --sidebar: #181d23; \
        --committed: #6fa8e8; --uncommitted: #416b96; --highlight: #f5a623; --control: #808b98; color-scheme: dark;
        """

    static let css = """
        :root {
          --bg: #fdfdfb; --fg: #1d232b; --muted: #56606c; --accent: #0b5cad; --rule: #d9dde3;
          --code-bg: #f2f4f7; --ok: #176b34; --bad: #a4161a; --chip: #e3ecf7; --chip-leader: #fde3bd;
          --changed: #fff3b0; --sidebar: #f5f6f8; --max: 48rem;
          --committed: #2f6fb0; --uncommitted: #a9c8ea; --highlight: #d9730d; --control: #767f8a;
          color-scheme: light;
        }
        @media (prefers-color-scheme: dark) {
          :root:not([data-theme=light]) { \(Self.dark) }
        }
        :root[data-theme=dark] { \(Self.dark) }
        * { box-sizing: border-box; }
        body {
          margin: 0; background: var(--bg); color: var(--fg);
          font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        .skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem; z-index: 10; }
        .skip:focus { left: 0.5rem; }
        .layout { display: flex; flex-direction: column; }
        .topbar { display: flex; justify-content: space-between; gap: 1rem; padding: 0.6rem 1rem; font-size: 0.9rem;
          border-bottom: 1px solid var(--rule); background: var(--sidebar); }
        main { max-width: var(--max); width: 100%; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        main:focus { outline: none; }
        .sidebar { background: var(--sidebar); border-top: 1px solid var(--rule); padding: 1rem; font-size: 0.95rem; }
        @media (min-width: 62rem) {
          .layout { flex-direction: row-reverse; justify-content: flex-end; }
          .sidebar { position: sticky; top: 0; align-self: flex-start; width: 17rem; min-width: 17rem; height: 100vh;
            overflow-y: auto; border-top: 0; border-right: 1px solid var(--rule); }
          main { margin: 0 auto; }
        }
        .brand { font-weight: 700; margin-top: 0; }
        .brand a { color: var(--fg); text-decoration: none; }
        .toc { padding-left: 1.4rem; }
        .toc li { margin: 0.35rem 0; }
        .toc a[aria-current=page] { font-weight: 700; color: var(--fg); }
        .toc-mark { color: var(--ok); font-size: 0.8rem; }
        .toc-mark.bad { color: var(--bad); }
        .search label { display: block; font-size: 0.85rem; color: var(--muted); }
        .search input { width: 100%; padding: 0.35rem 0.5rem; font: inherit; border: 1px solid var(--control); border-radius: 4px;
          background: var(--bg); color: var(--fg); }
        .search-results { padding-left: 1.1rem; font-size: 0.9rem; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible {
          outline: 3px solid var(--accent); outline-offset: 2px; }
        h1, h2, h3 { line-height: 1.25; }
        h1 { font-size: 2rem; margin: 0.5rem 0; }
        h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        .anchor { color: var(--muted); text-decoration: none; font-weight: 400; }
        h2 .anchor, h3 .anchor, h4 .anchor { opacity: 0.4; }
        h2:hover .anchor, h3:hover .anchor { opacity: 1; }
        .scenario-title .anchor, .exercise-title .anchor { opacity: 1; color: inherit; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88rem; }
        :not(pre) > code { background: var(--code-bg); padding: 0.05rem 0.3rem; border-radius: 4px; overflow-wrap: anywhere; }
        pre { background: var(--code-bg); padding: 0.8rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; tab-size: 8; }
        .eyebrow { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 0.8rem; margin: 0; }
        .lede { color: var(--muted); font-size: 1.1rem; }
        .lesson-list li { margin: 0.7rem 0; }
        .summary { margin: 0.1rem 0 0; color: var(--muted); font-size: 0.95rem; }
        .verified { color: var(--ok); font-size: 0.85rem; }
        .unverified { color: var(--bad); font-size: 0.85rem; font-weight: 600; }
        .scenario { border: 1px solid var(--rule); border-radius: 8px; padding: 0.3rem 1rem 1rem; margin: 1.5rem 0; }
        .scenario > * { min-width: 0; }
        .scenario-title { font-size: 1.05rem; }
        details > summary { cursor: pointer; }
        .source summary, .transcript summary, .describe summary { color: var(--muted); font-size: 0.9rem; }
        .ln { display: inline-block; width: 2.2em; color: var(--muted); user-select: none; }
        .stepper { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.8rem 0; }
        .stepper[hidden] { display: none; }
        .stepper button { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border: 1px solid var(--control);
          border-radius: 4px; background: var(--code-bg); color: var(--fg); cursor: pointer; }
        .stepper button[aria-disabled=true] { color: var(--muted); cursor: default; }
        .step-status { font-size: 0.9rem; color: var(--muted); min-width: 0; overflow-wrap: anywhere; }
        .steps { list-style: none; padding: 0; margin: 0; }
        .step { border-top: 1px solid var(--rule); padding: 0.4rem 0; }
        .scenario.stepping .step { border-top: 0; }
        .step summary { font-size: 0.95rem; }
        .step-no { font-weight: 700; margin-right: 0.3rem; text-decoration: none; }
        .outcome.error { color: var(--bad); font-weight: 600; font-size: 0.85rem; }
        .changes { font-size: 0.95rem; }
        .checks { list-style: none; padding-left: 0; font-size: 0.92rem; }
        .checks .pass { color: var(--ok); }
        .checks .fail { color: var(--bad); font-weight: 600; }
        .checks code { color: var(--fg); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
        caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.3rem; }
        th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: var(--code-bg); }
        tbody th { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
        td.changed { background: var(--changed); }
        @media (max-width: 40rem) {
          th, td { padding: 0.25rem 0.4rem; }
          table { font-size: 0.85rem; }
          .state-note { display: none; }
          tbody th { white-space: normal; }
          tbody th .state { display: block; font-size: 0.8rem; white-space: nowrap; }
        }
        .delta { font-size: 0.7rem; margin-left: 0.3rem; vertical-align: super; }
        .chip { display: inline-block; background: var(--chip); border-radius: 4px; padding: 0 0.35rem; margin: 0.1rem 0;
          font-family: ui-monospace, Menlo, Consolas, monospace; }
        .chip.leader { background: var(--chip-leader); font-weight: 700; }
        .chip.out-of-sync { background: transparent; outline: 1.5px dashed var(--bad); outline-offset: -1.5px; }
        .chip.no-leader { background: transparent; outline: 1.5px dotted var(--muted); outline-offset: -1.5px; }
        .chip .mark { color: var(--bad); font-weight: 700; margin-left: 0.1rem; }
        .legend { border: 1px solid var(--rule); border-radius: 8px; padding: 0.4rem 1rem; margin: 1.5rem 0; font-size: 0.9rem; }
        .legend > summary { color: var(--muted); }
        .legend-title { margin: 0.2rem 0 0.4rem; }
        .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 0.8rem; margin: 0; align-items: baseline; }
        .legend dt { white-space: nowrap; }
        .key { display: inline-block; width: 2.2rem; height: 0.75rem; vertical-align: middle; --key: var(--uncommitted);
          background: repeating-linear-gradient(90deg, var(--key) 0 0.65rem, transparent 0.65rem 0.75rem); }
        .key.lc { --key: var(--committed); }
        .key.ld { --key: var(--bad); opacity: 0.35; }
        .key.ls { --key: var(--bad); }
        .key.tr { background: none; outline: 1px dashed var(--muted); }
        .key.hw { box-shadow: inset 0.7rem 0 0 -0.6rem var(--fg); }
        .key.nw { outline: 2px solid var(--highlight); }
        .legend dd { margin: 0; color: var(--muted); }
        .legend-link { font-size: 0.8rem; font-weight: 400; }
        .diagram, .group { margin: 0.8rem 0; }
        .diagram > svg { display: block; max-width: 100%; height: auto; }
        .dbx { fill: var(--bg); stroke: var(--bh, var(--bs)); stroke-width: var(--bhw, var(--bw));
          stroke-dasharray: var(--bd); }
        .dcp { fill: var(--cf); stroke: var(--ch, var(--cs)); stroke-width: var(--chw, var(--cw));
          stroke-dasharray: var(--cd); opacity: var(--co); }
        .dg { font: 11px ui-monospace, Menlo, Consolas, monospace; fill: var(--fg);
          --bs: var(--fg); --bw: 1.2; --bd: none; --cf: var(--chip); --cs: var(--accent); --cw: 1; --cd: none; --co: 1; }
        .dg svg { overflow: visible; }
        .dgd { position: absolute; }
        .dg text { fill: var(--fg); }
        .dg .rk { font-family: system-ui, sans-serif; font-size: 10px; fill: var(--muted); font-weight: 700; }
        .dg .crashed, .dg .shut-down { --bd: 6 3; --co: 0.5; }
        .dg .restarting { --bd: 2 3; --co: 0.5; }
        .dg .isolated { --bd: 8 3 2 3; }
        .dg .stalled { --bs: var(--muted); }
        .dg .dn { opacity: 0.6; --co: 1; }
        .dg .cl { --cf: var(--chip-leader); }
        .dg .co { --cf: none; --cs: var(--bad); --cd: 3 2; }
        .dg .cn { --cf: none; --cs: var(--muted); --cd: 1 2; }
        .dg .hl { --bh: var(--highlight); --bhw: 3; }
        .dg .ch { --ch: var(--highlight); --chw: 3; }
        .dg .lh, .dg .l > .bl { font-weight: 700; }
        \(DiagramSVG.logStylesheet)
        .dg .ls { fill: none; stroke-width: 12; stroke: var(--bad); }
        .dg .ll { fill: var(--bad); font-weight: 700; }
        .dg .hw.chg { fill: var(--highlight); stroke: var(--highlight); stroke-width: 1; stroke-dasharray: none; }
        .dg .tr { fill: none; stroke: var(--muted); stroke-width: 1; stroke-dasharray: 2 2; }
        .dg .nw { fill: none; stroke: var(--highlight); stroke-width: 2; stroke-dasharray: none; }
        .dg .chg { fill: var(--highlight); font-weight: 700; }
        .same-picture { font-size: 0.85rem; color: var(--muted); }
        .carried .hl, .carried .ch { --bh: initial; --bhw: initial; --ch: initial; --chw: initial; }
        .carried .nw { display: none; }
        .carried .chg { fill: var(--fg); font-weight: 400; }
        .carried .hw.chg { fill: var(--fg); stroke: none; }
        @media (prefers-reduced-motion: no-preference) {
          .stepping .step:not([hidden]) .diagram:not(.carried) .nw { animation: rl-grow 0.6s ease-out; }
          .stepping .step:not([hidden]) .diagram { animation: rl-fade 0.25s ease-out; }
        }
        .dg .nw { transform-box: fill-box; transform-origin: left center; }
        @keyframes rl-grow { from { transform: scaleX(0); } }
        @keyframes rl-fade { from { opacity: 0.4; } }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .question { border-left: 4px solid var(--accent); background: var(--code-bg); padding: 0.4rem 1rem; margin: 1.2rem 0;
          border-radius: 0 6px 6px 0; }
        .question-label { font-weight: 700; margin: 0.3rem 0; }
        .answer strong { font-family: ui-monospace, Menlo, Consolas, monospace; }
        .answer-source { color: var(--muted); font-size: 0.9rem; }
        .minutes { color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
        .minutes::before { content: "· "; }
        .exercise { border: 1px solid var(--muted); border-left: 4px solid var(--accent); padding: 0.2rem 1rem;
          margin: 1.5rem 0; border-radius: 0 6px 6px 0; }
        .exercise-label { font-weight: 700; margin: 0.3rem 0; }
        @media (min-width: 40rem) { .exercise-command code { white-space: nowrap; } }
        .live-value { font-weight: 600; border-bottom: 1px dotted var(--muted); }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; flex-wrap: wrap; }
        .site-footer { padding: 1rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--rule); text-align: center; }
        @media (prefers-reduced-motion: reduce) {
          * { scroll-behavior: auto !important; transition: none !important; animation: none !important; }
        }
        @media print {
          .sidebar, .pager, .stepper, .skip, .topbar { display: none !important; }
          body { background: #fff; color: #000; }
          pre { white-space: pre-wrap; }
          .step[hidden] { display: block !important; }
          details > *:not(summary) { display: block !important; }
        }

        """
}
