"""Run every carelens fuzz target for a bounded time, one after another, and print a table.

Each target runs in its own subprocess under libFuzzer's ``-max_total_time`` and
``-rss_limit_mb`` (and a per-input ``-timeout``), seeded from ``tests/data/readers`` plus a few
crafted inputs written here (malicious XML, corrupt Zstandard, awkward Unicode). Distinct
findings are saved under ``OUT/findings`` (see ``_harness.py``); a timeout, out-of-memory or
native crash ends the subprocess with a libFuzzer artifact under ``OUT/artifacts/<target>``,
and the target is restarted for the time that is left (at most ``--max-restarts`` times).
Targets never run in parallel. Run it niced on a shared machine::

    nice -n 19 .venv/bin/python fuzz/run_all.py --seconds-per-target 90 --out /tmp/carelens-fuzz

The table (target, executions, crashes, time) is printed and saved as ``OUT/summary.md``
and ``OUT/summary.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import zstandard

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "tests" / "data" / "readers"
XXE_SECRET = Path(tempfile.gettempdir()) / "carelens_fuzz_xxe_secret.txt"
ARTIFACT_KINDS = ("crash-", "timeout-", "oom-", "leak-", "slow-unit-")

# --- seeds -------------------------------------------------------------------------------------

_WXR_HEAD = (
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
)
_WXR_ITEM = (
    "<item><title>{title}</title><dc:creator>ann</dc:creator>"
    "<content:encoded><![CDATA[<p>I feel alone.</p>]]></content:encoded>"
    "<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
    "<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>bo</wp:comment_author>"
    "<wp:comment_content>{comment}</wp:comment_content>"
    "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
    "</wp:comment></item>"
)


def _wxr(title: str = "Hi", comment: str = "You are not alone.", prolog: str = "") -> bytes:
    item = _WXR_ITEM.format(title=title, comment=comment)
    return f"{prolog}{_WXR_HEAD}{item}</channel></rss>\n".encode()


def _wxr_post(
    post_id: int,
    body: str,
    *,
    post_type: str = "post",
    status: str = "publish",
    parent: int = 0,
    reply_to: int | None = None,
    creator: str = "ann",
    comments: str = "",
) -> str:
    meta = (
        ""
        if reply_to is None
        else "<wp:postmeta><wp:meta_key>_bbp_reply_to</wp:meta_key>"
        f"<wp:meta_value>{reply_to}</wp:meta_value></wp:postmeta>"
    )
    return (
        f"<item><title>Reply To: t{post_id}</title><dc:creator>{creator}</dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_parent>{parent}</wp:post_parent>"
        f"<wp:post_type>{post_type}</wp:post_type><wp:status>{status}</wp:status>"
        f"{meta}{comments}</item>"
    )


def _wxr_comment(
    comment_id: int, text: str, *, parent: int = 0, user: int = 0, name: str = "bo"
) -> str:
    return (
        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
        f"<wp:comment_author>{name}</wp:comment_author><wp:comment_user_id>{user}"
        f"</wp:comment_user_id><wp:comment_content>{text}</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def _wxr_items(items: str, prolog: str = "") -> bytes:
    return f"{prolog}{_WXR_HEAD}{items}</channel></rss>\n".encode()


def _new_wxr() -> dict[str, bytes]:
    """The paths this session's WXR changes opened: bbPress topics and replies, unpublished
    posts, shortcodes, a WXR 1.0 export (no author list), blank lines before ``<?xml``."""
    forum = (
        _wxr_post(5, "Forums", post_type="forum")
        + _wxr_post(100, "I panic in meetings.", post_type="topic", parent=5, status="closed")
        + _wxr_post(101, "Me too.", post_type="reply", parent=100, creator="bo")
        + _wxr_post(102, "Thanks.", post_type="reply", parent=100, reply_to=101)
        + _wxr_post(103, "Orphan.", post_type="reply", parent=0, reply_to=0)
        + _wxr_post(104, "Loop.", post_type="reply", parent=100, reply_to=104)
    )
    statuses = (
        "".join(
            _wxr_post(i, f"text {i}", status=s, comments=_wxr_comment(i * 10, "hi"))
            for i, s in enumerate(("draft", "private", "pending", "future", "trash", ""), start=1)
        )
        + _wxr_post(9, "x", post_type="product")
        + _wxr_post(10, "y", post_type="attachment")
    )
    shortcodes = _wxr_post(
        1,
        '[caption id="a" align="x"]<img src="a"/> Our kitchen[/caption] [gallery ids="1,2"]'
        '[form id="3"] [smile] [/caption] [embed]http://x[/embed]<br />\nline<br/>\r\nnext',
    )
    wxr10 = _wxr_post(
        1,
        "I lost my job.",
        creator="ann_w",
        comments=_wxr_comment(2, "So sorry.", name="bo")
        + _wxr_comment(3, "Thank you.", parent=2, user=7, name="Ann W")
        + _wxr_comment(4, "Still here.", parent=3, user=7, name="A.")
        + _wxr_comment(5, "Me too.", parent=2, user=8, name="ann-w"),
    )
    laughs = '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?>' + laughs).encode("utf-16-le") + _wxr(
        "&b;"
    ).decode().encode("utf-16-le")
    return {
        "bbpress.xml": _wxr_items(forum),
        "statuses.xml": _wxr_items(statuses),
        "shortcodes.xml": _wxr_items(shortcodes),
        "wxr_1_0.xml": _wxr_items(wxr10).replace(b"export/1.2/", b"export/1.0/"),
        "blank_lines_first.xml": b"\n\n  \r\n" + _wxr(prolog='<?xml version="1.0"?>'),
        "bom_blank_lines.xml": b"\xef\xbb\xbf\n " + _wxr(prolog='<?xml version="1.0"?>'),
        "blank_lines_laughs.xml": b"\n\n"
        + _wxr("&lol;", prolog='<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol "lol">]>'),
        "blank_lines_utf16le_laughs.xml": b"    " + utf16,
        "blank_lines_bogus_encoding.xml": b"\n"
        + _wxr(prolog='<?xml version="1.0" encoding="x-bogus"?>'),
        "blank_lines_truncated.xml": b"\n\n" + _wxr()[:150],
    }


def _malicious_xml() -> dict[str, bytes]:
    secret = XXE_SECRET.as_uri()
    laughs = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    return {
        "xxe_file.xml": _wxr(
            "&xxe;", prolog=f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret}">]>'
        ),
        "xxe_param.xml": _wxr(
            prolog=f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{secret}"> %p;]>',
        ),
        "xxe_external_dtd.xml": _wxr(prolog=f'<!DOCTYPE rss SYSTEM "{secret}">'),
        "laughs.xml": _wxr("&lol3;", prolog=laughs),
        "laughs_after_comment.xml": _wxr("&lol3;", prolog="<!-- x --><?pi x?>\n " + laughs),
        "quadratic.xml": _wxr(
            "&a;" * 200, prolog='<!DOCTYPE rss [<!ENTITY a "' + "A" * 2000 + '">]>'
        ),
        "laughs_bom.xml": b"\xef\xbb\xbf" + _wxr("&lol3;", prolog=laughs),
        "laughs_utf16.xml": _wxr("&lol3;", prolog=laughs).decode().encode("utf-16"),
        "laughs_utf16le_nobom.xml": ('<?xml version="1.0" encoding="UTF-16"?>' + laughs).encode(
            "utf-16-le"
        )
        + _wxr("&lol3;").decode().encode("utf-16-le"),
        "doctype_inside.xml": _wxr(comment="<!DOCTYPE x>ok"),
        "deep.xml": _wxr(comment="<a>" * 500 + "x" + "</a>" * 500),
        "html_entities.xml": _wxr(comment="&amp;lt;script&amp;gt;hi&amp;#0;&amp;#x110000;"),
        "cdata_html.xml": _wxr(comment="<![CDATA[<p>a<br>b<script>x</script>&nbsp;&#128512;]]>"),
        "truncated.xml": _wxr()[:200],
    }


def _zst(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


def _encoding_seeds() -> dict[str, bytes]:
    texts = {
        "plain": ("That sounds so hard. What happened?", "My dog died."),
        "emoji": ("I hear you 💛 truly 👩\u200d👩\u200d👧", "😢😢"),
        "rtl": ("أنا هنا معك \u202e reversed \u202c ok", "אני עצוב"),
        "combining": ("cafe\u0301 nai\u0308ve \u0e01\u0e34 Z\u0351\u0360", "e\u0301"),
        "controls": ("a\x00b c\x1b[31m d\x85e\u2028f\r\n\t", "\x00"),
        "cjk_hangul": ("각 ᄀ각 我很难过 ﬁne İstanbul ½", "。"),
        "long_word": ("x" * 5000, "y"),
    }
    seeds: dict[str, bytes] = {}
    for flags in (0x00, 0x05, 0x0A, 0x23, 0x33):
        for name, (response, seeker) in texts.items():
            body = f"{response}\x1f{seeker}\x1f\x10\x50\x64".encode()
            seeds[f"{name}_{flags:02x}"] = bytes([flags]) + body
    seeds["surrogateescape"] = b"\x00ab\x80\xffcd \xed\xa0\x80 ok\x1fhi"
    seeds["utf16_lone"] = b"\x40" + "ab\ud800cd \udfff e\x1fhi".encode("utf-16-le", "surrogatepass")
    seeds["huge"] = b"\x03" + b"I keep thinking about it every night. \x1fme"
    return seeds


def _seeds_csv() -> dict[str, bytes]:
    thread = (DATA / "thread.csv").read_bytes()
    return {
        "epitome_pairs.csv": (DATA / "epitome_pairs.csv").read_bytes(),
        "generic_pairs.tsv": (DATA / "generic_pairs.tsv").read_bytes(),
        "thread.csv": thread,
        "thread_bom_crlf": b"\xef\xbb\xbf" + thread.replace(b"\n", b"\r\n"),
        "bad_bytes": thread.replace(b"Everything", b"Every\xff\xfething"),
        "nul_and_quotes": b'message_id,parent_id,text\nm1,,"a\x00b ""q"" \n c"\nm2,m1,"x\n',
        "header_only": b"sp_id;rp_id;seeker_post;response_post\n",
        # this session's CSV paths: loose header names, a title row, rows of empty cells,
        # Windows-1252 bytes, parent 0, TSV texts that begin with a quote
        "epitome_header_case.csv": (DATA / "epitome_header_case.csv").read_bytes(),
        "excel_cp1252.csv": (DATA / "excel_cp1252.csv").read_bytes(),
        "thread_parent0.csv": (DATA / "thread_parent0.csv").read_bytes(),
        "title_row": b"Exported from the forum,,\n,,\nmessage_id,parent_id,text\nm1,0,hi\n",
        "empty_cells": b",,,\n;;\nSP ID,RP-ID,Seeker  Post,response_POST\n,,,\n"
        b"s1,r1,I feel low,That sounds hard\n,,,\r\n",
        "loose_twice": b"Seeker Post,seeker_post ,SEEKER-POST,sp_id,rp_id,response_post\n"
        b"a,b,c,s1,r1,d\n",
        "tsv_leading_quotes": b"Seeker Post\tResponse Post\tsp_id\trp_id\n"
        b'"Fine" is what I say\t"Really?" she asked\ts1\tr1\n'
        b'"quoted\tfield"\tok\ts2\tr2\n"a""b"\t"x\ny"\ts3\tr3\n"open\tno end\ts4\tr4\n'
        b'x\t"\ts5\tr5\n',
        "tsv_thread_quotes": b'message_id\tparent_id\ttext\nm1\tnull\t"Hi" I said\n'
        b'm2\tm1\t"ok"\nm3\t0\t"a\tb\n',
    }


#: Turns on this session's new paths: ``author`` (a string or an object with a name),
#: ConvoKit's ``reply-to``, a parent of 0 / "null" / "NULL" (a root unless a turn has that
#: id), ``replyTo`` (not read, pointed out by why_no_pairs).
_NEW_TURNS = (
    b'{"id": "0", "text": "root zero", "author": {"id": 1, "name": "vol-anna"}}\n'
    b'{"id": 1, "text": "a", "reply_to": 0, "author": {"name": 5}}\n'
    b'{"id": 2, "text": "b", "reply-to": "1", "author": "bo", "speaker": ""}\n'
    b'{"id": 3, "text": "c", "reply_to": "null", "reply-to": "2", "author": ["x"]}\n'
    b'{"id": 4, "text": "d", "reply_to": null, "replyTo": "3", "author": {}}\n'
    b'{"id": 5, "text": "e", "reply_to": "NULL", "conversation_id": "c2"}\n'
    b'{"id": "null", "text": "f", "conversation_id": "c2"}\n'
    b'{"id": 6, "text": "g", "reply_to": 0.0, "conversation_id": "c2"}\n'
)


def _seeds_jsonl() -> dict[str, bytes]:
    return {
        "pairs.jsonl": (DATA / "pairs.jsonl").read_bytes(),
        "turns.jsonl": (DATA / "turns.jsonl").read_bytes(),
        "utterances.jsonl": (DATA / "convokit_corpus" / "utterances.jsonl").read_bytes(),
        "odd_values": b'{"id": 1, "text": "\\ud800 x", "reply_to": 1, "meta": [1]}\n'
        b'[1,2]\n"x"\n{"id": true, "text": {"a": 1}}\n\n{"id": "a", "text": "  "}\n'
        b'{"id": "b", "text": "ok", "timestamp": NaN, "reply_to": "b"}\n' + b"[" * 5000 + b"\n",
        "chat_author.jsonl": (DATA / "chat_author.jsonl").read_bytes(),
        "new_turn_fields": _NEW_TURNS,
    }


def _seeds_parquet() -> dict[str, bytes]:
    """JSON Lines rows (the target writes them as a Parquet table) and a raw-bytes seed."""
    return {
        "pairs_rows": (DATA / "pairs.jsonl").read_bytes(),
        "turn_rows": (DATA / "turns.jsonl").read_bytes(),
        "thread_rows": b'{"message_id": "m1", "parent_id": null, "text": "I feel alone."}\n'
        b'{"message_id": "m2", "parent_id": "m1", "text": "I am here.", "thread_id": 7}\n',
        "raw": b"P\x15\x04\x15\x00\x00\x00",
    }


def _seeds_convokit() -> dict[str, bytes]:
    return {
        "utterances.jsonl": (DATA / "convokit_corpus" / "utterances.jsonl").read_bytes(),
        "turns.jsonl": (DATA / "turns.jsonl").read_bytes(),
        "cycle": b'{"id": "a", "text": "x", "reply_to": "b", "speaker": "s"}\n'
        b'{"id": "b", "text": "y", "reply_to": "a", "speaker": "s"}\n'
        b'{"id": "c", "text": "z", "reply_to": "c"}\n',
        "reply_hyphen": (DATA / "convokit_reply_hyphen" / "utterances.jsonl").read_bytes(),
        "new_turn_fields": _NEW_TURNS,
    }


def _seeds_reddit() -> dict[str, bytes]:
    return {
        "reddit_dump.ndjson": (DATA / "reddit_dump.ndjson").read_bytes(),
        "reddit_escaped.ndjson": (DATA / "reddit_escaped.ndjson").read_bytes(),
        # comments without their submission; texts escaped (once, twice, broken entities)
        "no_submission": b'{"id": "c1", "body": "&amp;gt; quote &amp;amp; &#0; &#x110000; '
        b'&lt;3", "parent_id": "t3_zz", "link_id": "t3_zz", "author": "a"}\n'
        b'{"id": "c2", "body": "&", "parent_id": "t1_c1", "link_id": "t3_zz"}\n'
        b'{"id": "c3", "body": "&nbsp;", "parent_id": "t3_yy", "link_id": "t3_yy"}\n',
    }


def _seeds_reddit_zst() -> dict[str, bytes]:
    dump = (DATA / "reddit_dump.ndjson").read_bytes()
    frame = _zst(dump)
    return {
        "compress_me": b"\x00" + dump,
        "compress_me_sized": b"\x12" + dump,
        "as_is": b"\x01" + frame,
        "as_is_truncated": b"\x01" + frame[: len(frame) // 2],
        "as_is_two_frames": b"\x01"
        + frame
        + _zst(b'{"id": "x", "body": "y", "parent_id": "t3_abc1"}'),
        "as_is_garbage": b"\x01" + b"\x28\xb5\x2f\xfd" + b"\xff" * 32,
    }


def _seeds_wxr() -> dict[str, bytes]:
    seeds = {
        "wordpress_export.xml": (DATA / "wordpress_export.xml").read_bytes(),
        "wxr_entity_bomb.xml": (DATA / "wxr_entity_bomb.xml").read_bytes(),
    }
    seeds["wordpress_1_0_export.xml"] = (DATA / "wordpress_1_0_export.xml").read_bytes()
    seeds.update(_malicious_xml())
    seeds.update(_new_wxr())
    return seeds


@dataclass(frozen=True)
class Target:
    name: str
    script: str
    seeds: Callable[[], dict[str, bytes]]
    dictionary: str | None
    max_len: int | None = None


TARGETS: tuple[Target, ...] = (
    Target("csv", "fuzz_csv.py", _seeds_csv, "csv.dict"),
    Target("jsonl", "fuzz_jsonl.py", _seeds_jsonl, "json.dict"),
    Target("convokit", "fuzz_convokit.py", _seeds_convokit, "json.dict"),
    Target("reddit", "fuzz_reddit.py", _seeds_reddit, "json.dict"),
    Target("reddit_zst", "fuzz_reddit_zst.py", _seeds_reddit_zst, "json.dict"),
    Target("wxr", "fuzz_wxr.py", _seeds_wxr, "xml.dict", max_len=16384),
    Target("parquet", "fuzz_parquet.py", _seeds_parquet, "json.dict"),
    Target("encoding", "fuzz_encoding.py", _encoding_seeds, "encoding.dict", max_len=8192),
)

# --- running -----------------------------------------------------------------------------------


@dataclass
class Result:
    target: str
    executions: int
    crashes: int
    seconds: float
    runs: int
    findings: list[str]
    artifacts: list[str]


_EXECS = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_DONE = re.compile(r"Done (\d+) runs in")
_PROGRESS = re.compile(r"^#(\d+)\s", re.MULTILINE)


def _executions(log: str) -> int:
    for pattern in (_EXECS, _DONE):
        found = pattern.findall(log)
        if found:
            return int(found[-1])
    progress = _PROGRESS.findall(log)
    return int(progress[-1]) if progress else 0


def run_target(target: Target, args: argparse.Namespace, out: Path) -> Result:
    seeds = out / "seeds" / target.name
    corpus = out / "corpus" / target.name
    artifacts = out / "artifacts" / target.name
    findings = out / "findings"
    logs = out / "logs"
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.rmtree(artifacts, ignore_errors=True)
    for old in findings.glob(f"{target.name}-*"):
        old.unlink()
    for folder in (seeds, corpus, artifacts, findings, logs):
        folder.mkdir(parents=True, exist_ok=True)
    for name, data in target.seeds().items():
        (seeds / name).write_bytes(data)

    env = dict(os.environ, CARELENS_FUZZ_FINDINGS=str(findings))
    executions, runs = 0, 0
    started = time.monotonic()
    budget = float(args.seconds_per_target)
    while runs <= args.max_restarts:
        left = int(budget - (time.monotonic() - started))
        if left < 5:
            break
        cmd = [
            sys.executable,
            str(HERE / target.script),
            str(corpus),
            str(seeds),
            f"-max_total_time={left}",
            f"-rss_limit_mb={args.rss_limit_mb}",
            f"-timeout={args.timeout}",
            f"-artifact_prefix={artifacts}/",
            "-print_final_stats=1",
        ]
        if target.dictionary:
            cmd.append(f"-dict={HERE / 'dicts' / target.dictionary}")
        if target.max_len:
            cmd.append(f"-max_len={target.max_len}")
        log_path = logs / f"{target.name}-{runs}.log"
        with log_path.open("w", encoding="utf-8") as log:
            done = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, check=False)
        runs += 1
        executions += _executions(log_path.read_text(encoding="utf-8", errors="replace"))
        if done.returncode == 0:
            break
    seconds = time.monotonic() - started
    found = sorted(p.name for p in findings.glob(f"{target.name}-*.txt"))
    crashed = sorted(p.name for p in artifacts.iterdir() if p.name.startswith(ARTIFACT_KINDS))
    return Result(
        target=target.name,
        executions=executions,
        crashes=len(found) + len(crashed),
        seconds=round(seconds, 1),
        runs=runs,
        findings=found,
        artifacts=crashed,
    )


def table(results: list[Result]) -> str:
    rows = ["| target | executions | crashes | time (s) |", "|---|---:|---:|---:|"]
    rows += [f"| {r.target} | {r.executions} | {r.crashes} | {r.seconds:.1f} |" for r in results]
    total = sum(r.executions for r in results)
    crashes = sum(r.crashes for r in results)
    seconds = sum(r.seconds for r in results)
    rows.append(f"| **all** | {total} | {crashes} | {seconds:.1f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds-per-target", type=int, default=60)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "carelens-fuzz")
    parser.add_argument("--targets", nargs="*", default=[t.name for t in TARGETS])
    parser.add_argument("--rss-limit-mb", type=int, default=2048)
    parser.add_argument("--timeout", type=int, default=30, help="seconds one input may take")
    parser.add_argument("--max-restarts", type=int, default=5)
    args = parser.parse_args(argv)
    unknown = set(args.targets) - {t.name for t in TARGETS}
    if unknown:
        parser.error(f"unknown target(s): {', '.join(sorted(unknown))}")
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for target in TARGETS:
        if target.name in args.targets:
            print(f"fuzzing {target.name} for {args.seconds_per_target}s ...", flush=True)
            results.append(run_target(target, args, out))
    text = table(results)
    print(text)
    for r in results:
        for name in r.findings:
            print(f"  finding: {out / 'findings' / name}")
        for name in r.artifacts:
            print(f"  artifact: {out / 'artifacts' / r.target / name}")
    (out / "summary.md").write_text(text + "\n", encoding="utf-8")
    (out / "summary.json").write_text(
        json.dumps([asdict(r) for r in results], indent=2) + "\n", encoding="utf-8"
    )
    return 1 if any(r.crashes for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
