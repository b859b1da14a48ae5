#!/usr/bin/env python3
"""Sentence-length statistics of the prose in lessons: the plain-words bar for the course.

Reads the Markdown lessons given (default: Lessons/*.md) and reports, per lesson, the number of prose sentences,
the average and longest sentence in words, and every sentence longer than the limit with its line. Prose is what
a reader reads as running text: paragraphs and list items. Fenced blocks (scenarios, questions, exercises,
output), front matter, headings, tables, HTML comments and raw HTML lines are not prose. Inline code counts as one
word. A "Going deeper" section is reported apart: it is where the course keeps detail on purpose.

    scripts/prose-stats.py                       # report every lesson
    scripts/prose-stats.py --check               # exit 1 when a lesson misses the bar
    scripts/prose-stats.py --average 18 --longest 35 Lessons/03-in-sync-replicas.md

Exit status: 0 when every lesson meets the bar (or without --check), 1 when one does not, 2 on bad input.
"""

import argparse
import pathlib
import re
import sys

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`+[^`]*`+")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"[*_]{1,3}")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A sentence ends at . ! or ? (optionally followed by a closing quote or parenthesis) before whitespace; a period
# inside a number, a version (3.7) or an abbreviation without a following space never ends one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.")
GOING_DEEPER = re.compile(r"^#{1,6}\s+going deeper", re.IGNORECASE)


class Paragraph:
    def __init__(self, line, text, deeper):
        self.line = line
        self.text = text
        self.deeper = deeper


def paragraphs(path, text):
    """Yields the prose paragraphs of a lesson with the line each starts on."""
    lines = text.split("\n")
    index = 0
    if lines and lines[0].strip() == "---":
        index = 1
        while index < len(lines) and lines[index].strip() != "---":
            index += 1
        index += 1
    fence = None
    in_comment = False
    deeper_level = None  # the level of the "Going deeper" heading we are under, if any
    current = []
    start = 0

    def flush():
        nonlocal current
        if current:
            yield Paragraph(start, " ".join(current), deeper_level is not None)
        current = []

    while index < len(lines):
        line = lines[index]
        number = index + 1
        index += 1
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        match = FENCE.match(line)
        if match:
            yield from flush()
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if line.lstrip().startswith("<!--"):
            yield from flush()
            in_comment = "-->" not in line
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            yield from flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            if GOING_DEEPER.match(stripped):
                deeper_level = level
            elif deeper_level is not None and level <= deeper_level:
                deeper_level = None
            continue
        if not stripped or stripped.startswith("|") or stripped.startswith("<") or stripped.startswith(">"):
            yield from flush()
            if stripped.startswith(">"):
                current.append(stripped.lstrip("> "))
                start = number
            continue
        if LIST_MARKER.match(line):
            yield from flush()
            stripped = LIST_MARKER.sub("", line).strip()
        if not current:
            start = number
        current.append(stripped)
    yield from flush()


def plain(text):
    text = INLINE_CODE.sub("CODE", text)
    text = LINK.sub(r"\1", text)
    return MARKUP.sub("", text)


def sentences(paragraph):
    text = plain(paragraph.text)
    for abbreviation in ABBREVIATIONS:
        text = text.replace(abbreviation, abbreviation.replace(".", ""))
    for sentence in SENTENCE_END.split(text):
        words = sentence.split()
        if words:
            yield sentence.strip(), len(words)


def lesson_stats(path, longest_allowed):
    text = path.read_text(encoding="utf-8")
    main, deeper, long_ones = [], [], []
    for paragraph in paragraphs(path, text):
        for sentence, count in sentences(paragraph):
            (deeper if paragraph.deeper else main).append(count)
            if count > longest_allowed and not paragraph.deeper:
                long_ones.append((paragraph.line, count, sentence))
    return main, deeper, long_ones


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lessons", nargs="*", type=pathlib.Path)
    parser.add_argument("--average", type=float, default=18, help="largest average sentence length (words)")
    parser.add_argument("--longest", type=int, default=35, help="longest sentence allowed (words)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a lesson misses the bar")
    parser.add_argument("--quiet", action="store_true", help="do not list the long sentences")
    options = parser.parse_args()
    lessons = options.lessons or sorted(pathlib.Path("Lessons").glob("*.md"))
    if not lessons:
        print("prose-stats: error: no lessons given and no Lessons/*.md here", file=sys.stderr)
        return 2
    missed = False
    print(f"{'lesson':44} {'sentences':>9} {'average':>7} {'longest':>7} {'over':>4}  going deeper")
    for path in lessons:
        try:
            main_counts, deeper_counts, long_ones = lesson_stats(path, options.longest)
        except (OSError, UnicodeDecodeError) as error:
            print(f"{path}:1:1: error: cannot read the lesson: {error}", file=sys.stderr)
            return 2
        average = sum(main_counts) / len(main_counts) if main_counts else 0
        longest = max(main_counts, default=0)
        fails = average > options.average or long_ones
        missed = missed or bool(fails)
        deeper = f"{len(deeper_counts)} sentences" if deeper_counts else "-"
        mark = "  ✗" if fails else ""
        print(f"{path.name:44} {len(main_counts):9} {average:7.1f} {longest:7} {len(long_ones):4}  {deeper}{mark}")
        if not options.quiet:
            for line, count, sentence in long_ones:  # line: where the sentence's paragraph starts
                shown = sentence if len(sentence) <= 100 else sentence[:97] + "…"
                print(f"  {path}:{line}: {count} words: {shown}")
    print(f"bar: average at most {options.average:g} words, none over {options.longest} (outside 'Going deeper')")
    return 1 if options.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
