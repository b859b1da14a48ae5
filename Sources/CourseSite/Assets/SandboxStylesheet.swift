/// `sandbox.css`: the sandboxes' editor, buttons and results, in the site's colours (light and dark), usable on a
/// phone (16 px text in the editor, so phones do not zoom into it; full-width buttons).
enum SandboxStylesheet {
    static let css = #"""
        /* Sandboxes: the editor, its buttons and a run's results (the site's colours, light and dark, from style.css). */
        .sandbox-details { margin: 0.8rem 0; border: 1px solid var(--rule); border-radius: 6px; padding: 0.3rem 0.8rem; }
        .sandbox-details > summary { cursor: pointer; padding: 0.4rem 0; font-weight: 600; }
        .sandbox-details[open] > summary { margin-bottom: 0.4rem; }
        .sandbox { margin: 0.6rem 0 1rem; }
        .sandbox-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.2rem 1rem; }
        .sandbox-label { font-weight: 600; }
        .sandbox-hint { font-size: 0.8rem; color: var(--muted); }
        .editor { display: flex; margin-top: 0.3rem; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden;
          background: var(--code-bg); }
        .editor:focus-within { outline: 3px solid var(--accent); outline-offset: 1px; }
        .editor .numbers, .editor textarea { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.9rem; line-height: 1.5; padding: 0.5rem 0.4rem; margin: 0; }
        .editor .gutter { flex: none; position: relative; overflow: hidden; text-align: right; color: var(--muted); user-select: none;
          border-right: 1px solid var(--rule); background: var(--sidebar); }
        .editor .numbers { position: absolute; top: 0; left: 0; right: 0; }
        .editor .gutter span { display: block; padding: 0 0.2rem; border-radius: 3px; }
        .editor .gutter .error { background: var(--bad); color: var(--bg); font-weight: 700; }
        .editor .gutter .departs { background: var(--highlight); color: var(--bg); font-weight: 700; }
        .editor textarea { flex: 1; min-width: 0; border: 0; resize: vertical; background: transparent; color: var(--fg);
          white-space: pre; overflow: auto; tab-size: 2; }
        .editor textarea:focus { outline: none; }
        .suggestions { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin-top: 0.3rem; font-size: 0.85rem; }
        .suggestions[hidden] { display: none; }
        .suggestions .usage { flex-basis: 100%; color: var(--muted); background: none; padding: 0; overflow-wrap: anywhere; }
        .suggestions button { font: inherit; font-family: ui-monospace, Menlo, Consolas, monospace; min-height: 2rem;
          padding: 0.1rem 0.5rem; border: 1px solid var(--rule); border-radius: 4px; background: var(--chip); color: var(--fg);
          cursor: pointer; }
        .sandbox-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.5rem 0; }
        .sandbox-actions button, .line-link { font: inherit; cursor: pointer; }
        .sandbox-actions button { min-height: 2.4rem; padding: 0.3rem 0.9rem; border: 1px solid var(--rule); border-radius: 6px;
          background: var(--bg); color: var(--fg); }
        .sandbox-actions button[data-action=run] { background: var(--accent); border-color: var(--accent); color: var(--bg);
          font-weight: 600; }
        .sandbox-actions button:disabled { opacity: 0.6; cursor: progress; }
        .sandbox-status { font-size: 0.9rem; color: var(--muted); }
        .share-link { width: 100%; font: inherit; font-size: 0.85rem; padding: 0.3rem 0.5rem; border: 1px solid var(--rule);
          border-radius: 4px; background: var(--bg); color: var(--fg); }
        .line-link { border: 0; padding: 0; background: none; color: var(--accent); text-decoration: underline; font-size: inherit; }
        .sandbox-output:empty { display: none; }
        .sandbox-output { border-top: 1px solid var(--rule); padding-top: 0.4rem; }
        .sandbox-summary { font-weight: 600; margin: 0.4rem 0; }
        .sandbox-output .diagnostics { padding-left: 1.2rem; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88rem; }
        .sandbox-output .diagnostics .error { color: var(--bad); }
        .sandbox-output .departs, .sandbox-error { border-left: 4px solid var(--highlight); padding: 0.3rem 0.6rem;
          background: var(--code-bg); }
        .sandbox-output .matches { color: var(--ok); }
        .sandbox-steps { padding-left: 0; list-style: none; }
        .sandbox-steps > li { border-left: 3px solid var(--rule); padding: 0.1rem 0 0.1rem 0.7rem; margin: 0.7rem 0; }
        .sandbox-steps > li.departs { border-left-color: var(--highlight); }
        .sandbox-steps .step-head { margin: 0.2rem 0; overflow-wrap: anywhere; }
        .sandbox-output pre { overflow-x: auto; background: var(--code-bg); padding: 0.5rem 0.7rem; border-radius: 4px; margin: 0.3rem 0; }
        .sandbox-output figure { margin: 0.3rem 0; }
        .sandbox-output figcaption, .sandbox-output details > summary { font-size: 0.85rem; color: var(--muted); }
        .sandbox-output .checks { list-style: none; padding-left: 0.2rem; margin: 0.3rem 0; }
        .sandbox-output .checks .pass { color: var(--ok); }
        .sandbox-output .checks .fail { color: var(--bad); font-weight: 600; }
        .sandbox-output .checks code { color: var(--fg); }
        .exercise-verdict { font-weight: 700; padding: 0.4rem 0.7rem; border-radius: 6px; border: 2px solid; }
        .exercise-verdict.accepted { color: var(--ok); }
        .exercise-verdict.rejected { color: var(--bad); }
        .exercise-why pre { white-space: pre-wrap; }
        .play-link { font-size: 0.85rem; margin: 0.4rem 0 0; text-align: right; }
        .playground-origin { background: var(--code-bg); padding: 0.5rem 0.7rem; border-radius: 6px; }
        .playground-now figure { margin: 0.8rem 0; }
        .playground-now figcaption { font-weight: 600; }
        .playground-now pre { overflow-x: auto; background: var(--code-bg); padding: 0.5rem 0.7rem; border-radius: 4px;
          border-left: 4px solid var(--accent); margin: 0.3rem 0; }
        .command-help dt { margin-top: 0.6rem; }
        .command-help dt code { overflow-wrap: anywhere; }
        .command-help dd { margin-left: 1rem; color: var(--muted); }
        @media (max-width: 40rem) {
          /* 16 px and more: phones do not zoom into the editor when it takes the focus. */
          .editor .numbers, .editor textarea { font-size: 1rem; }
          /* A long script scrolls inside the editor: the buttons and the results stay within reach. */
          .editor textarea { max-height: 55vh; }
          .sandbox-actions button { flex: 1; }
          .sandbox-status { flex-basis: 100%; }
          .sandbox-details { padding: 0.2rem 0.5rem; }
        }
        @media print { .sandbox-details, .exercise-why pre { white-space: pre-wrap; }
        .play-link { display: none; } }

        """#
}
