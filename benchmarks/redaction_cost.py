"""What personal-data redaction costs per text, against an earlier version.

``carelens.privacy.redact`` runs on every text written with ``--redact`` or ``--anonymize``
and on the messages of ``serve --redact``. Three kinds of input go through ``redact`` of this
checkout and of the version at ``--against`` (a git revision, its whole ``src`` unpacked with
``git archive`` and timed in a process of its own), alternating, best of ``--rounds``:

* the seeker posts and responses of the shared EPITOME file (few of them hold personal data:
  the common case), microseconds per text;
* synthetic forum posts with an e-mail address, phone number, web address, handle, street
  address, card or bank account number every few words, written in the ways the finder
  reads (Markdown marks, Reddit's escapes, invisible characters, fullwidth "@", CJK text),
  built here with a fixed seed, microseconds per post;
* long inputs of ``--long-chars`` characters in the shapes a pattern could stall on (digits
  and spaces, "@" beside CJK text, runs of escapes and of invisible characters), milliseconds
  per input, each also timed at a quarter of that length: its growth from there (4x when the
  time grows in step with the length, 16x with its square) shows a blow-up even where both
  versions have it.

The ratio is this checkout's time over the other's (above 1: slower now). The shipped model's
time per pair is measured in the same run (one thread, one pair a call) as the baseline the
redaction of a pair's two texts is a share of. Each child process checks that it imported
the carelens it was given; a revision git cannot unpack, or a child that fails, stops the run
with the child's own error output.

Run (needs git and ../shared/data)::

    PYTHONPATH=src python benchmarks/redaction_cost.py --against 2432ab6
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

from bench_common import (
    EPITOME,
    check_imported_from,
    epitome_rows,
    fail,
    machine_line,
    model_ms_per_pair,
    positive_int,
    run_child,
    unpack_src,
)

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"

#: Timed in a child process with the version's ``src`` first on the path; prints JSON.
_TIMER = """
import json, sys, time
import carelens
from carelens.privacy import redact
inputs = json.load(open(sys.argv[1], encoding="utf-8"))
rounds = int(sys.argv[2])
for text in inputs["epitome"][:20] + inputs["forum"][:20]:
    redact(text)  # the patterns compiled before the clock starts
def best(texts):
    fastest = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            redact(text)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / len(texts)
print(json.dumps({
    "epitome": best(inputs["epitome"]) * 1e6,
    "forum": best(inputs["forum"]) * 1e6,
    "long": {name: best([text]) * 1e3 for name, text in inputs["long"].items()},
    "quarter": {name: best([text]) * 1e3 for name, text in inputs["quarter"].items()},
    "carelens_file": carelens.__file__,
}))
"""

# --------------------------------------------------------------------------- the inputs

#: The long inputs' column names, in the order printed (:func:`long_inputs` builds them).
LONG_SHAPES = (
    "digits",  # groups of 1-4 digits between single spaces: phones, cards, spaced digits
    "single",  # single digits between single spaces
    "@..CJK",  # a run of "@" then a run of CJK characters
    "@CJK@",  # "@" between CJK words
    "CJK..@",  # CJK text with one "@" at its end
    "a\\_",  # Reddit's escaped "_" inside a word, repeated
    "a<zw>",  # letters each followed by a zero-width space
)


def long_inputs(n: int) -> dict[str, str]:
    """One text of ``n`` characters in each of :data:`LONG_SHAPES`, the same in every run."""
    rng = random.Random(11)
    groups: list[str] = []
    size = 0
    while size < n:
        group = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 4)))
        groups.append(group)
        size += len(group) + 1
    half = n // 2
    built = {
        "digits": " ".join(groups),
        "single": "7 " * n,
        "@..CJK": "@" * half + "电话号码邮箱" * (n - half),
        "@CJK@": "@邮箱地址" * n,
        "CJK..@": "电话号码邮箱" * n,
        "a\\_": "a\\_" * n,
        "a<zw>": "a\u200b" * n,
    }
    built = {name: text[:n] for name, text in built.items()}
    built["CJK..@"] = built["CJK..@"][:-1] + "@"
    return {name: built[name] for name in LONG_SHAPES}


#: The words between the items, drawn one at a time.
_PROSE = (
    "I honestly feel so tired of everything lately and my sister said you could help if you "
    "want to talk just message me or reach out any time the group meets on Thursdays after "
    "work we can chat there too thanks for listening it means a lot"
)
_WORDS = tuple(_PROSE.split())
_NAMES = ("sam", "maria", "jo", "alex", "kim", "lee", "priya", "tom", "ana", "wei")
_DOMAINS = ("gmail.com", "example.org", "mail.co.uk", "outlook.com", "proton.me", "web.de")
_SITES = ("helpforum", "peersupport", "calmspace", "mindful-talk", "ourgroup")
_STREETS = ("Elm", "Oak", "Maple", "Cedar Hill", "Station", "Church")
_SUFFIXES = ("Street", "St.", "Avenue", "Road", "Lane", "Drive")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _card(rng: random.Random) -> str:
    """A 16-digit number that passes the Luhn check, in groups of four."""
    body = "4" + _digits(rng, 14)
    total = 0
    for i, digit in enumerate(reversed(body)):  # the check digit will stand right of these
        value = int(digit) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    number = body + str((10 - total % 10) % 10)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4))


def _iban(rng: random.Random) -> str:
    """A British IBAN with valid check digits, in groups of four."""
    bban = "WEST" + _digits(rng, 14)
    moved = "".join(str(int(c, 36)) for c in bban + "GB00")
    iban = f"GB{98 - int(moved) % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _item(rng: random.Random) -> str:
    """One piece of personal data, written in one of the ways the finder reads."""
    a, b = rng.sample(_NAMES, 2)
    n = rng.randint(1, 99)
    d = rng.choice(_DOMAINS)
    site = rng.choice(_SITES)
    choices = (
        f"{a}.{b}{n}@{d}",
        f"_{a}{n}@{d}_",  # Markdown emphasis around it
        f"{a}\\_{b}{n}@{d}",  # Reddit's escaped "_"
        f"{a}\u200b{b}@{d}",  # a zero-width space inside
        f"{a}{n}\uff20{d}",  # the fullwidth "@"
        f"我的邮箱是{a}.{b}@{d}",  # glued to CJK text
        f"+1 {_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 4)}",
        f"({_digits(rng, 3)}) {_digits(rng, 3)}-{_digits(rng, 4)}",
        f"__{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 4)}__",
        f"0044 20 {_digits(rng, 4)} {_digits(rng, 4)}",
        f"8 9{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}",
        f"call me on {' '.join(_digits(rng, 10))}",  # single spaced digits
        f"电话13{_digits(rng, 9)}",
        _card(rng),
        _iban(rng),
        f"https://www.{site}.com/r/{a}/comments/{_digits(rng, 6)}",
        f"www.{site}.org/{b}?id={n}",
        f"<https://{site}.net/{a}-{b}>",
        f"u/{a}_{b}{n}",
        f"u/{a}\\_{b}\\_{n}",
        f"@{a}_{b}{n}",
        f"{rng.randint(2, 999)} {rng.choice(_STREETS)} {rng.choice(_SUFFIXES)}",
    )
    return rng.choice(choices)


def forum_posts(count: int) -> list[str]:
    """``count`` forum posts, each of 8-14 runs of 3-7 words with a personal item after each."""
    rng = random.Random(7)
    posts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(8, 14)):
            parts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 7))))
            parts.append(_item(rng) + rng.choice(("", "", ",", ".", "!")))
        posts.append(" ".join(parts))
    return posts


def epitome_pairs(data: Path, count: int) -> list[tuple[str, str]]:
    """The first ``count`` (seeker post, response) pairs of the EPITOME file ``data``."""
    rows = epitome_rows(data)
    if not rows:
        raise SystemExit(f"{data} holds no pairs to time")
    if count > len(rows):
        fail(f"--texts {count}: {data} has only {len(rows)} pairs")
    return [(r["seeker_post"], r["response_post"]) for r in rows[:count]]


# --------------------------------------------------------------------------- timing


def timed(src: Path, inputs: Path, rounds: int) -> dict[str, float]:
    """Microseconds per EPITOME text and forum post, and milliseconds per long input (under
    its shape's name) and per input a quarter as long (under the name and "/4"), of
    ``redact`` timed with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = run_child(
        [sys.executable, "-c", _TIMER, str(inputs), str(rounds)], env, f"timing the code in {src}"
    )
    result = json.loads(out)
    check_imported_from(src, str(result["carelens_file"]), "the redaction timing")
    times = {"EPITOME": float(result["epitome"]), "forum": float(result["forum"])}
    times.update({name: float(ms) for name, ms in result["long"].items()})
    times.update({f"{name}/4": float(ms) for name, ms in result["quarter"].items()})
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision of this repository")
    parser.add_argument(
        "--texts", type=positive_int, default=2471, help="EPITOME pairs whose two texts are timed"
    )
    parser.add_argument("--forum-posts", type=positive_int, default=500, help="forum posts timed")
    parser.add_argument(
        "--long-chars", type=positive_int, default=400_000, help="characters of each long input"
    )
    parser.add_argument("--rounds", type=positive_int, default=5, help="best of this many passes")
    parser.add_argument(
        "--model-pairs", type=positive_int, default=200, help="pairs the model analyses"
    )
    parser.add_argument("--data", type=Path, default=EPITOME, help="the EPITOME file")
    args = parser.parse_args()
    pairs = epitome_pairs(args.data, args.texts)
    epitome = [text for pair in pairs for text in pair]
    forum = forum_posts(args.forum_posts)
    print(machine_line(), flush=True)
    with tempfile.TemporaryDirectory(prefix="carelens-redaction-") as tmp:
        inputs = Path(tmp) / "inputs.json"
        inputs.write_text(
            json.dumps(
                {
                    "epitome": epitome,
                    "forum": forum,
                    "long": long_inputs(args.long_chars),
                    "quarter": long_inputs(max(1, args.long_chars // 4)),
                }
            ),
            encoding="utf-8",
        )
        old_src = unpack_src(args.against, Path(tmp) / "old")
        runs: dict[str, list[dict[str, float]]] = {"this checkout": [], args.against: []}
        for _ in range(2):  # alternating, so both share the machine's slow and fast phases
            runs["this checkout"].append(timed(SRC, inputs, args.rounds))
            runs[args.against].append(timed(old_src, inputs, args.rounds))
    pair_ms = model_ms_per_pair(pairs[: args.model_pairs])
    best = {name: {k: min(r[k] for r in got) for k in got[0]} for name, got in runs.items()}
    forum_chars = sum(map(len, forum)) / len(forum)
    print(
        f"{len(epitome)} EPITOME texts ({len(pairs)} pairs), {len(forum)} forum posts "
        f"({forum_chars:.0f} characters on average), long inputs of {args.long_chars:,} "
        f"characters; the full analysis {pair_ms:.2f} ms/pair"
    )
    print("EPITOME and forum: us per text; the long inputs: ms per input; ratio: now / before")
    columns = ["EPITOME", "forum", *LONG_SHAPES]
    width = max(14, len(args.against))
    print(" " * width + "".join(f"{c:>10}" for c in columns) + "  share of a pair")
    for name, times in best.items():
        share = 2 * times["EPITOME"] / 1e3 / pair_ms  # a pair's seeker post and response
        row = "".join(f"{times[c]:10.1f}" for c in columns)
        print(f"{name:>{width}}{row}  {share:15.2%}")
    now, before = best["this checkout"], best[args.against]
    ratios = "".join(f"{now[c] / before[c]:9.2f}x" for c in columns)
    print(f"{'ratio':>{width}}{ratios}")
    quarter = max(1, args.long_chars // 4)
    print(
        f"the long inputs' growth from {quarter:,} to {args.long_chars:,} characters "
        f"({args.long_chars / quarter:.0f}x: in step with the length)"
    )
    for name, times in best.items():
        growth = "".join(f"{times[c] / times[c + '/4']:9.2f}x" for c in LONG_SHAPES)
        print(f"{name:>{width}}{' ' * 20}{growth}")  # under the long inputs' columns
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
