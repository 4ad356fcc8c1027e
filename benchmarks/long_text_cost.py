"""How the cost of a long text grows with its length: the shapes that once grew with its square.

Each recipe is a text of ``n`` characters made by repeating a piece ("kms ", a paragraph of
a diary that ends "I just want to die.", "* ") or around one long run ("x " + "*" * n + " y",
"a" * n); a text recipe goes through ``analyze`` (the shipped model, one thread: the crisis
cues, the unsafe words and the feedback with its quotes) as the seeker message or as the
response, beside a short other side, and the WordPress recipe (post content of unclosed
shortcode tags, "[a b=[a b=...") through ``read_exchanges`` of a generated export. Each is
timed at ``n``, ``2n`` and ``4n`` characters (best of ``--rounds``), and its growth from
``n`` to ``4n`` is compared with that of plain prose of the same lengths, timed in the same
run the same way (prose messages for the text recipes, a post of prose for the WordPress
one): about 1x where the cost grows as the prose's does (with the length), about 4x where
it grows with the square of the length. Uses only the public API (``carelens.load``,
``analyze``, ``read_exchanges``), so it also times an earlier checkout's ``src`` put first
on the path.

Run::

    PYTHONPATH=src python benchmarks/long_text_cost.py
    PYTHONPATH=src python benchmarks/long_text_cost.py --n 2000 --recipes kms stars_in_reply
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_common import load_analyzer, machine_line, positive_int

SEEKER = "I lost my job last week and I feel so alone, I don't know what to do."
RESPONSE = "That sounds really hard. What has been the hardest part of it for you?"
PROSE = (
    "I feel like nobody understands me and I keep thinking about it. My mom said it would "
    "pass but it hasn't, and honestly I don't know. "
)
DIARY = (
    "Work was awful again today and my manager yelled at me in front of everyone. "
    "I came home and just lay on the floor for an hour. I just want to die.\n"
)


def repeated(piece: str) -> Callable[[int], str]:
    """Texts of ``n`` characters of ``piece`` over and over."""
    return lambda n: (piece * (n // len(piece) + 1))[:n]


#: name -> (what is timed, the text of n characters): "seeker" and "response" put it on that
#: side of a pair for ``analyze``; "wxr" makes it the content of a post in a WordPress export.
RECIPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "prose": ("seeker", repeated(PROSE)),
    "kms": ("seeker", repeated("kms ")),
    "diary": ("seeker", repeated(DIARY)),
    "he_wants_to_die": ("seeker", repeated("he wants to die ")),
    "stars_in_reply": ("response", lambda n: "x " + "*" * max(n - 4, 1) + " y"),
    "star_spaces_reply": ("response", repeated("* ")),
    "one_run_reply": ("response", repeated("a")),
    "prose_post": ("wxr", repeated(PROSE)),
    "shortcodes_post": ("wxr", repeated("[a b=")),
}
#: The recipe each one's growth is compared with.
BASELINE = {"seeker": "prose", "response": "prose", "wxr": "prose_post"}

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
    "<channel>\n"
)


def wxr_export(content: str) -> str:
    """A WordPress export of one published post with ``content`` and one comment on it."""
    cdata = content.replace("]]>", "]] >")
    return (
        f"{_HEAD}<item><title>A long post</title><dc:creator>rosa</dc:creator>"
        f"<content:encoded><![CDATA[{cdata}]]></content:encoded>"
        "<wp:post_id>1</wp:post_id><wp:status>publish</wp:status>"
        "<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
        "<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Lee</wp:comment_author>"
        f"<wp:comment_content><![CDATA[{RESPONSE}]]></wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
        "</wp:comment></item>\n</channel></rss>\n"
    )


def timer(analyzer: object, folder: Path) -> Callable[[str, str], float]:
    """The seconds one run of a recipe's text takes, on the side it names."""
    import carelens

    def once(role: str, text: str) -> float:
        if role == "wxr":
            path = folder / "post.xml"
            path.write_text(wxr_export(text), encoding="utf-8")
            start = time.perf_counter()
            exchanges = list(carelens.read_exchanges(path))
            took = time.perf_counter() - start
            if not exchanges:
                raise SystemExit("the generated WordPress export gave no exchange")
            return took
        seeker, response = (text, RESPONSE) if role == "seeker" else (SEEKER, text)
        start = time.perf_counter()
        analyzer.analyze(seeker, response)  # type: ignore[attr-defined]
        return time.perf_counter() - start

    return once


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=positive_int, default=8000, help="the shortest length")
    parser.add_argument("--rounds", type=positive_int, default=3, help="best of this many")
    parser.add_argument(
        "--recipes", nargs="+", choices=sorted(RECIPES), help="these recipes only (default: all)"
    )
    args = parser.parse_args()
    names = args.recipes or list(RECIPES)
    names = [*{BASELINE[RECIPES[name][0]]: None for name in names}, *names]
    names = list(dict.fromkeys(names))  # the baselines first, each once
    sizes = (args.n, 2 * args.n, 4 * args.n)
    print(machine_line(), flush=True)
    analyzer = load_analyzer(None, threads=1)
    import carelens

    print(f"carelens: {Path(carelens.__file__).parent}; best of {args.rounds}", flush=True)
    analyzer.analyze(SEEKER, RESPONSE)  # warm up: the model's first call
    growth: dict[str, float] = {}
    header = f"{'recipe':18s} {'timed as':9s}" + "".join(f" {f'{n} chars':>12s}" for n in sizes)
    print(header + f" {'growth x4':>10s} {'vs baseline':>12s}", flush=True)
    with tempfile.TemporaryDirectory(prefix="carelens-long-") as tmp:
        once = timer(analyzer, Path(tmp))
        for name in names:
            role, make = RECIPES[name]
            seconds = [min(once(role, make(n)) for _ in range(args.rounds)) for n in sizes]
            growth[name] = seconds[-1] / max(seconds[0], 1e-9)
            base = BASELINE[role]
            versus = growth[name] / growth[base] if name != base else 1.0
            print(
                f"{name:18s} {role:9s}"
                + "".join(f" {s:10.3f} s" for s in seconds)
                + f" {growth[name]:9.1f}x {versus:11.2f}x",
                flush=True,
            )
    analyzer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
