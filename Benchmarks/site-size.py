#!/usr/bin/env python3
"""Measures the size of a built site (no timing, so any build can be measured).

  site-size.py diagrams SITE      per lesson page: gzipped bytes with and without the step pictures (the
                                  figures, their captions made plain "What changed" blocks, the "looks as after
                                  step N" notes, the legend's part about pictures, the pieces the pictures
                                  share),
                                  and what the pictures add
  site-size.py linear SITE...     total bytes, and bytes per lesson, of sites of different course sizes
                                  (e.g. the sites of generate.py courses of 100 and 1,000 lessons)

gzip is level 9, as `gzip -9`.
"""
import glob
import gzip
import os
import re
import sys


def gz(text):
    return len(gzip.compress(text.encode(), 9))


def diagrams(site):
    total_with = total_without = 0
    worst = (0, "")
    print(f"{'page':40} {'pictures':>8} {'gz with':>8} {'gz without':>10} {'added':>6}")
    for path in sorted(glob.glob(os.path.join(site, "[0-9]*.html"))):
        page = open(path, encoding="utf-8").read()
        pictures = len(re.findall(r'<figure class="diagram">', page))
        # Everything the pictures bring: the figures, the notes of steps that keep the last picture, and the legend's
        # part about pictures.
        # A picture's caption is its step's "What changed", which stays (as the block it is without a picture).
        without = re.sub(r'<figure class="diagram"><svg.*?</svg>\n<figcaption class="changes">(.*?)</figcaption></figure>',
                         r'<div class="changes">\1</div>', page, flags=re.S)
        without = re.sub(r'<figure class="diagram">.*?</figure>\n?', "", without, flags=re.S)
        without = re.sub(r'<p class="same-picture">.*?</p>\n?', "", without, flags=re.S)
        without = re.sub(r'<p class="legend-title"><strong>In the pictures</strong></p><dl>.*?</dl>', "", without,
                         flags=re.S)
        without = re.sub(r'<svg class="dgd".*?</defs></svg>\n?', "", without, flags=re.S)
        a, b = gz(page), gz(without)
        total_with += a
        total_without += b
        added = (a - b) / b
        worst = max(worst, (added, os.path.basename(path)))
        print(f"{os.path.basename(path)[:40]:40} {pictures:8} {a:8} {b:10} {100 * added:5.1f}%")
    print(f"{'all pages':40} {'':8} {total_with:8} {total_without:10} "
          f"{100 * (total_with - total_without) / total_without:5.1f}%  (largest: {100 * worst[0]:.1f}%, {worst[1]})")


def linear(sites):
    rows = []
    for site in sites:
        files = [f for f in glob.glob(os.path.join(site, "*")) if os.path.isfile(f)]
        lessons = len(glob.glob(os.path.join(site, "[0-9]*.html")))
        total = sum(os.path.getsize(f) for f in files)
        shared = {name: os.path.getsize(os.path.join(site, name))
                  for name in ("index.html", "toc.js", "search-index.js") if os.path.exists(os.path.join(site, name))}
        rows.append((site, lessons, total, total / max(1, lessons), shared))
    base = rows[0][3]
    for site, lessons, total, per, shared in rows:
        details = ", ".join(f"{k} {v:,}" for k, v in shared.items())
        print(f"{site}: {lessons} lessons, {total:,} bytes, {per:,.0f} bytes per lesson "
              f"({100 * (per - base) / base:+.1f}% vs the first); {details}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "diagrams":
        diagrams(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "linear":
        linear(sys.argv[2:])
    else:
        sys.exit(__doc__)
