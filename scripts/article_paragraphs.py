"""Number the article's paragraphs per section, as the bundled data's evidence cites them.

Usage: python scripts/article_paragraphs.py [ARTICLE] [--write]

The rule (the README says the same): within each section heading, paragraphs are the
runs of body text in reading order. A new paragraph starts after a blank line, or at a
line that begins with a space after a sentence has ended (a page break in the source
layout). Headings, photo captions and the keywords line are not paragraphs. With
--write, tests/fixtures/article_paragraphs.txt gets one line per paragraph:
"HEADING ¶N: the first five words", short anchors rather than the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "source" / "minusma-peacekeeping-2.0.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "article_paragraphs.txt"
HEADINGS = (ROOT / "tests" / "fixtures" / "article_headings.txt").read_text(encoding="utf-8").splitlines()
CAPTIONS = ("Malian Landscape", "Operatie Barkhane", "Force Commander MINUSMA, LtGen Gyllensporre zet het "
            "Adaptation plan uiteen", "Enabling the civilian actors")


def paragraphs(text: str) -> list[tuple[str, int, str]]:
    """(heading, number, text) of every paragraph, in reading order."""
    out: list[tuple[str, int, str]] = []
    heading, number, current = None, 0, []

    def close():
        nonlocal number, current
        if heading and current:
            number += 1
            out.append((heading, number, " ".join(current)))
        current = []

    for line in text.splitlines():
        bare = line.strip()
        if not bare:
            close()
            continue
        if bare in HEADINGS:
            close()
            heading, number = bare, 0
            continue
        if bare in CAPTIONS or bare.startswith("Trefwoorden:") or heading is None:
            close()
            continue
        if line.startswith(" ") and current and current[-1].rstrip().endswith((".", "?", "!", "”")):
            close()  # a page break between two paragraphs
        current.append(bare)
    close()
    return out


def anchors(text: str) -> list[str]:
    return [f"{h} ¶{n}: {' '.join(p.split()[:5])}" for h, n, p in paragraphs(text)]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    text = Path(args[0] if args else ARTICLE).read_text(encoding="utf-8")
    lines = anchors(text)
    if "--write" in sys.argv:
        FIXTURE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
