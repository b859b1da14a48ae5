#!/usr/bin/env python3
"""Sentence-length statistics of the lessons' prose: the plain-words bar of the course.

Prose is what a reader reads as running text: paragraphs and list items, and the text of question and exercise
task blocks. Left out: front matter, headings, fenced code (scenarios, outputs, scripts), raw HTML tables, and
every section headed "Going deeper" (down to the next heading of the same or a higher level), where the deep
details live on purpose.

    scripts/prose-stats.py [--check] [LESSON.md ...]   (default: Lessons/*.md)

Per lesson: sentences, average words per sentence, the longest sentence, and how many pass 35 words. With
--check, exit 1 when a lesson's average is over 18 words or a sentence is over 35, listing those sentences with
their line numbers.
"""

import glob
import re
import sys

MAX_AVERAGE = 18
MAX_SENTENCE = 35
GOING_DEEPER = re.compile(r"^(#{2,6})\s+going deeper\b", re.IGNORECASE)
HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
# Sentence ends: . ! ? (optionally followed by a closing bracket or quote) before whitespace.
SENTENCE_END = re.compile(r"(?<=[.!?])[)\"'”’]*\s+")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.")


def prose_lines(path):
    """(line number, text) of every prose line of a lesson; a blank line separates paragraphs."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    out = []
    index = 0
    if lines and lines[0].strip() == "---":
        index = 1
        while index < len(lines) and lines[index].strip() != "---":
            index += 1
        index += 1
    deeper_level = None
    fence = None
    fence_kind = None
    in_html_table = False
    while index < len(lines):
        line = lines[index]
        number = index + 1
        index += 1
        if fence is not None:
            if re.match(r"^\s*" + re.escape(fence) + r"\s*$", line):
                fence = None
                out.append((number, ""))
                continue
            if deeper_level is None and fence_kind in ("question", "exercise"):
                text = line.strip()
                if fence_kind == "question" and re.match(r"^(answer|why):", text):
                    if text.startswith("why:"):
                        out.append((number, ""))
                        out.append((number, text[len("why:"):].strip()))
                        out.append((number, ""))
                    continue
                if fence_kind == "exercise":
                    if text.startswith("# "):
                        exercise_section = text[2:].strip()
                        fence_section[0] = exercise_section
                        out.append((number, ""))
                        continue
                    if fence_section[0] != "task":
                        continue
                out.append((number, text))
            continue
        match = FENCE.match(line)
        if match:
            fence = match.group(1)
            info = match.group(2).strip().split()
            fence_kind = info[0] if info else ""
            fence_section = [None]
            out.append((number, ""))
            continue
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if deeper_level is not None and level <= deeper_level:
                deeper_level = None
            deeper = GOING_DEEPER.match(line)
            if deeper:
                deeper_level = len(deeper.group(1))
            out.append((number, ""))
            continue
        if deeper_level is not None:
            continue
        stripped = line.strip()
        if stripped.startswith("<table") or stripped.startswith("<figure"):
            in_html_table = True
        if in_html_table:
            if "</table>" in stripped or "</figure>" in stripped:
                in_html_table = False
            out.append((number, ""))
            continue
        if stripped.startswith("<") and stripped.endswith(">") and not re.search(r">[^<]+<", stripped):
            out.append((number, ""))  # a tag on a line of its own (<details>, </summary>, …)
            continue
        # A list item starts a new paragraph.
        if re.match(r"^\s*([-*+]|\d+[.)])\s+", line):
            out.append((number, ""))
            line = re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line)
        out.append((number, line.strip()))
    return out


def sentences(path):
    """(first line, sentence text, word count) of every sentence of a lesson's prose."""
    result = []
    paragraph = []
    start = None

    def flush():
        nonlocal paragraph, start
        if paragraph:
            text = " ".join(paragraph)
            text = re.sub(r"<[^>]+>", "", text)  # inline HTML tags
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
            protected = text
            for abbreviation in ABBREVIATIONS:
                protected = protected.replace(abbreviation, abbreviation.replace(".", "\u2024"))
            # A colon that ends a paragraph introducing a block, or a list lead-in, ends a sentence too.
            for sentence in SENTENCE_END.split(protected):
                sentence = sentence.replace("\u2024", ".").strip()
                words = [w for w in sentence.split() if re.search(r"[A-Za-z0-9{]", w)]
                if words:
                    result.append((start, sentence, len(words)))
        paragraph = []
        start = None

    for number, text in prose_lines(path):
        if not text:
            flush()
            continue
        if start is None:
            start = number
        paragraph.append(text)
    flush()
    return result


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"] or sorted(glob.glob("Lessons/*.md"))
    failed = False
    print(f"{'lesson':44} {'sentences':>9} {'average':>7} {'longest':>7} {'>35':>4}")
    for path in paths:
        found = sentences(path)
        if not found:
            print(f"{path:44} {0:>9}")
            continue
        counts = [count for _, _, count in found]
        average = sum(counts) / len(counts)
        long = [(line, text, count) for line, text, count in found if count > MAX_SENTENCE]
        print(f"{path:44} {len(found):>9} {average:>7.1f} {max(counts):>7} {len(long):>4}")
        if check and (average > MAX_AVERAGE or long):
            failed = True
            if average > MAX_AVERAGE:
                print(f"  {path}: average {average:.1f} words per sentence is over {MAX_AVERAGE}")
            for line, text, count in long:
                print(f"  {path}:{line}: {count} words: {text}")
    if check and failed:
        print(f"prose-stats: the plain-words bar is an average of at most {MAX_AVERAGE} words a sentence "
              f"and no sentence over {MAX_SENTENCE}, outside 'Going deeper' sections", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
