"""Pairing in stage 1 (read each file, group its messages, pair each group): every file is
paired as `carelens analyze` pairs it, whatever other files use the same ids; only Reddit
dumps, whose ids are global, are paired across files (a comment in an RC_* file with its
submission in an RS_* file)."""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carelens.batch.pairing import (
    GroupPairer,
    find_elsewhere,
    find_elsewhere_block,
    group_bounds,
    pair_block,
    pair_group,
)
from carelens.batch.plan import BatchPlan, InputFile, make_plan
from carelens.batch.rows import (
    EXCHANGE,
    ID_KINDS,
    LEFT_OUT,
    PAIRED_KINDS,
    REJECT,
    ROW_SCHEMA,
    SKIP,
    CollectingRejectLog,
    Row,
    has_conversation,
    stable_shard,
    to_table,
)
from carelens.batch.staging import read_input, stage
from carelens.readers import RejectLog, pair_turns, read_exchanges
from carelens.readers.helpers import HelperPatterns
from carelens.types import Exchange, Turn

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@st.composite
def conversations(draw: st.DrawFn) -> list[Turn]:
    """Threads of turns: each reply answers an earlier turn of its conversation; speakers
    repeat (so runs merge); some turns have no conversation id, some answer a missing id."""
    turns: list[Turn] = []
    n_conv = draw(st.integers(1, 4))
    for c in range(n_conv):
        size = draw(st.integers(1, 7))
        conv = None if draw(st.integers(0, 5)) == 0 else f"c{c}"
        ids: list[str] = []
        for k in range(size):
            tid = f"c{c}m{k}"
            if k == 0:
                parent = None if draw(st.booleans()) else "missing"
            else:
                parent = ids[draw(st.integers(0, k - 1))]
            turns.append(
                Turn(
                    id=tid,
                    text=f"message {tid}",
                    speaker=draw(st.sampled_from(["ana", "ben", "cy"])),
                    conversation_id=conv,
                    reply_to=parent,
                )
            )
            ids.append(tid)
    return draw(st.permutations(turns))


def to_pair(rows: list[Row]) -> list[Row]:
    """The rows of stage 1's read that go to their group to be paired, with the
    ``elsewhere`` rows the shuffle of id rows by id adds (Reddit dumps)."""
    ids = [r for r in rows if r["kind"] in ID_KINDS]
    return [r for r in rows if r["kind"] in PAIRED_KINDS] + find_elsewhere(ids)


def write_jsonl(path: Path, turns: list[Turn]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for t in turns:
            fh.write(json.dumps(t.to_dict()) + "\n")


def staged_rows(
    paths: list[Path], shards: int, format: str = "jsonl", helpers: tuple[str, ...] = ()
) -> list[dict[str, object]]:
    """Stage 1 without Ray: read every file, shuffle message rows by group, pair each group."""
    inputs = tuple(InputFile(i, str(p), format, 0, 0) for i, p in enumerate(paths))
    plan = BatchPlan(inputs=inputs, shards=shards, model_id="m", helpers=helpers)
    rows = [r for i in range(len(paths)) for t in read_input(plan, i) for r in t.to_pylist()]
    groups: dict[str, list[dict[str, object]]] = defaultdict(list)
    done = [r for r in rows if r["kind"] not in (*PAIRED_KINDS, *ID_KINDS)]
    for row in to_pair(rows):
        groups[str(row["group"])].append(row)
    for group_rows in groups.values():
        done.extend(
            pair_group(
                group_rows, paths=[str(p) for p in paths], shards=shards, helpers=plan.helpers
            )
        )
    return done


def skip_counts(rows: list[dict[str, object]]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for row in rows:
        if row["kind"] == SKIP:
            payload = json.loads(str(row["payload"]))
            counts[payload["reason"]] += payload["n"]
    return dict(counts)


def batch_pairs(
    paths: list[Path], shards: int, format: str = "jsonl"
) -> tuple[list[Exchange], list[tuple[str, str]]]:
    """Stage 1 without Ray: the exchanges and (reason, file) of the rejects."""
    done = staged_rows(paths, shards, format)
    exchange_rows = sorted(
        (r for r in done if r["kind"] == EXCHANGE), key=lambda r: (r["file"], r["seq"])
    )
    for row in exchange_rows:  # a thread's pairs share a shard, the same on every run
        if has_conversation(str(row["group"])):
            assert row["shard"] == stable_shard(f"g:{row['group']}", shards)
    rejects = sorted(
        (json.loads(str(r["payload"]))["reason"], json.loads(str(r["payload"]))["path"])
        for r in done
        if r["kind"] == REJECT
    )
    return [Exchange.from_dict(json.loads(str(r["payload"]))) for r in exchange_rows], rejects


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(turns=conversations(), data=st.data())
def test_random_sharding_pairs_like_one_file(
    tmp_path_factory: object, turns: list[Turn], data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("shards")  # type: ignore[attr-defined]
    n_files = data.draw(st.integers(1, 4))
    cuts = sorted(
        data.draw(st.lists(st.integers(0, len(turns)), min_size=n_files - 1, max_size=n_files - 1))
    )
    bounds = [0, *cuts, len(turns)]
    paths = []
    for i in range(n_files):
        path = folder / f"part{i}.jsonl"
        write_jsonl(path, turns[bounds[i] : bounds[i + 1]])
        paths.append(path)

    # Each file paired on its own, as `analyze` pairs it: a reply whose parent is in
    # another file is an unknown parent there too.
    expected: list[Exchange] = []
    expected_rejects: list[tuple[str, str]] = []
    for i, path in enumerate(paths):
        log = RejectLog()
        expected.extend(pair_turns(turns[bounds[i] : bounds[i + 1]], rejects=log))
        expected_rejects.extend((r, str(path)) for r, n in log.counts.items() for _ in range(n))
    got, rejects = batch_pairs(paths, shards=data.draw(st.integers(1, 5)))

    def key(e: Exchange) -> tuple[str, str]:
        return (e.seeker.id, e.response.id)

    # Same exchanges (merged texts and context included), in the order of the responses.
    assert sorted(got, key=key) == sorted(expected, key=key)
    position = {t.id: i for i, t in enumerate(turns)}
    assert [key(e) for e in got] == sorted((key(e) for e in expected), key=lambda k: position[k[1]])
    assert rejects == sorted(expected_rejects)
    if n_files == 1:  # one file: the same as pairing all the messages together
        assert sorted(got, key=key) == sorted(pair_turns(turns), key=key)


def test_a_reply_in_another_file_is_not_paired_with_a_message_there(tmp_path: Path) -> None:
    """Outside Reddit dumps, ids name a message within its file: a reply is paired with
    its own file's message of that id, never with another file's (as `analyze` pairs)."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(first, [Turn(id="q", text="I feel alone.", speaker="a", conversation_id="t")])
    write_jsonl(
        second,
        [Turn(id="r", text="I'm here.", speaker="b", conversation_id="t", reply_to="q")],
    )
    exchanges, rejects = batch_pairs([first, second], shards=3)
    assert exchanges == [] and rejects == [("unknown parent", str(second))]


def test_reddit_comments_pair_with_their_submission_in_another_file(tmp_path: Path) -> None:
    submissions, comments = tmp_path / "RS_2024-01", tmp_path / "RC_2024-01"
    submissions.write_text(
        json.dumps({"id": "s1", "author": "a", "title": "I feel alone.", "selftext": ""}) + "\n"
    )
    comments.write_text(
        json.dumps(
            {
                "id": "c1",
                "author": "b",
                "body": "I'm here.",
                "parent_id": "t3_s1",
                "link_id": "t3_s1",
            }
        )
        + "\n"
    )
    (exchange,), rejects = batch_pairs([submissions, comments], shards=3, format="reddit")
    assert (exchange.seeker.text, exchange.response.text) == ("I feel alone.", "I'm here.")
    assert rejects == []


def test_rejects_name_the_file_they_came_from(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(first, [Turn(id="q", text="hi", speaker="a", conversation_id="t")])
    write_jsonl(
        second,
        [
            Turn(id="q", text="again", speaker="b", conversation_id="t"),  # not first's q
            Turn(id="q", text="twice", speaker="b", conversation_id="t"),
            Turn(id="r", text="yo", speaker="b", conversation_id="t", reply_to="nowhere"),
        ],
    )
    second.write_text(second.read_text() + "{not json\n", encoding="utf-8")
    _, rejects = batch_pairs([first, second], shards=2)
    assert rejects == [
        ("duplicate id", str(second)),
        ("malformed JSON", str(second)),
        ("unknown parent", str(second)),
    ]


def analyze_pairs(path: Path) -> tuple[list[Exchange], list[str]]:
    """What `carelens analyze` pairs in one file, and its rejects' reasons."""
    log = RejectLog()
    exchanges = list(read_exchanges(path, rejects=log))
    return exchanges, sorted(r for r, n in log.counts.items() for _ in range(n))


def second_site(first: Path, second: Path) -> None:
    """Another blog's export: the same post id (58), its own comment ids and post text."""
    text = first.read_text(encoding="utf-8")
    text = text.replace("blog.example.org", "other.example.net")
    text = re.sub(r">30([0-9])<", r">40\1<", text)
    text = re.sub(r"Mum was diagnosed with Alzheimer's two years ago[^<]*", "SITE-B POST", text)
    second.write_text(text, encoding="utf-8")


def test_wordpress_sites_with_the_same_post_id_are_paired_each_on_its_own(
    tmp_path: Path,
) -> None:
    """Post ids restart at 1 on every site, and the conversation id is ``post-<id>``."""
    site_a, site_b = tmp_path / "siteA.xml", tmp_path / "siteB.xml"
    site_a.write_bytes((EXAMPLES / "blog_comments.xml").read_bytes())
    second_site(site_a, site_b)
    got, rejects = batch_pairs([site_a, site_b], shards=3, format="wxr")
    expected_a, rejects_a = analyze_pairs(site_a)
    expected_b, rejects_b = analyze_pairs(site_b)
    assert got == expected_a + expected_b
    assert sorted(r for r, _ in rejects) == sorted(rejects_a + rejects_b)
    assert "duplicate id" not in {r for r, _ in rejects}
    by_response = {e.response.id: e for e in got[len(expected_a) :]}
    assert "SITE-B POST" in by_response["comment-401"].seeker.text


def test_thread_csvs_reusing_ids_are_paired_each_on_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes((DATA / "thread.csv").read_bytes())
    text = first.read_text(encoding="utf-8")  # the same ids (m1, thread t1...), other texts
    second.write_text(
        text.replace("I can't sleep again.", "SITE-B: my dog ran away.").replace("job", "dog"),
        encoding="utf-8",
    )
    got, rejects = batch_pairs([first, second], shards=4, format="csv")
    expected_a, rejects_a = analyze_pairs(first)
    expected_b, rejects_b = analyze_pairs(second)
    assert expected_a and got == expected_a + expected_b
    assert sorted(r for r, _ in rejects) == sorted(rejects_a + rejects_b)
    assert {e.response.id for e in expected_a} == {e.response.id for e in expected_b}
    assert all("SITE-B" not in e.seeker.text for e in got[: len(expected_a)])
    assert any("SITE-B" in e.seeker.text for e in got[len(expected_a) :])


def test_staged_rows_have_one_schema(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [Turn(id="q", text="hi", conversation_id="t")])
    plan = BatchPlan(inputs=(InputFile(0, str(path), "jsonl", 0, 0),), shards=2, model_id="m")
    (table,) = list(read_input(plan, 0))
    assert isinstance(table, pa.Table) and table.num_rows == 1


def test_reddit_comments_in_a_zst_shard_pair_with_submissions_in_another(
    tmp_path: Path,
) -> None:
    """Pushshift-style dumps: submissions (RS) and comments (RC) come as separate .zst files."""
    import zstandard

    dump = DATA / "reddit_dump.ndjson"
    lines = dump.read_bytes().splitlines(keepends=True)
    submissions = [line for line in lines if b'"selftext"' in line]
    comments = [line for line in lines if b'"selftext"' not in line]
    paths = []
    for name, part in (("RS_2023-11.zst", submissions), ("RC_2023-11.zst", comments)):
        path = tmp_path / name
        path.write_bytes(zstandard.ZstdCompressor().compress(b"".join(part)))
        paths.append(path)
    inputs = tuple(InputFile(i, str(p), "reddit", 0, 0) for i, p in enumerate(paths))
    plan = BatchPlan(inputs=inputs, shards=3, model_id="m")
    rows = [r for i in range(2) for t in read_input(plan, i) for r in t.to_pylist()]
    groups: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        if row["kind"] in PAIRED_KINDS:
            groups[str(row["group"])].append(row)
    pairs = {
        (e.seeker.id, e.response.id)
        for g in groups.values()
        for r in pair_group(g, paths=[str(p) for p in paths], shards=3)
        if r["kind"] == EXCHANGE
        for e in [Exchange.from_dict(json.loads(str(r["payload"])))]
    }
    single = {(e.seeker.id, e.response.id) for e in read_exchanges(dump, rejects=RejectLog())}
    assert pairs == single and any(s == "abc1" for s, _ in pairs)


def _reddit(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_replies_to_deleted_items_are_skipped_as_analyze_counts_them(tmp_path: Path) -> None:
    """A reply to a deleted submission or comment is counted `reply to deleted` (or
    `removed`), even when the deleted item came in another Reddit dump; it was an
    `unknown parent` reject in batch runs."""
    submissions = _reddit(
        tmp_path / "RS_2024-01",
        {"id": "s1", "author": "a", "title": "[deleted]", "selftext": "[deleted]"},
        {"id": "s2", "author": "a", "title": "I feel alone.", "selftext": ""},
    )
    comments = _reddit(
        tmp_path / "RC_2024-01",
        {"id": "c1", "author": "b", "body": "Hugs.", "parent_id": "t3_s1", "link_id": "t3_s1"},
        {"id": "c2", "author": "b", "body": "[removed]", "parent_id": "t3_s2"},
        {"id": "c3", "author": "c", "body": "Who?", "parent_id": "t1_c2", "link_id": "t3_s2"},
        {"id": "c4", "author": "c", "body": "I'm here.", "parent_id": "t3_s2", "link_id": "t3_s2"},
    )
    done = staged_rows([submissions, comments], shards=3, format="reddit")
    assert not [r for r in done if r["kind"] == REJECT]
    assert skip_counts(done) == {
        "deleted": 2,
        "removed": 1,
        "reply to deleted": 1,
        "reply to removed": 1,
    }
    # One dump holding both, as analyze reads it: the same counts.
    both = _reddit(tmp_path / "both.ndjson")
    both.write_text(submissions.read_text() + comments.read_text(), encoding="utf-8")
    log = RejectLog()
    exchanges = list(read_exchanges(both, format="reddit", rejects=log))
    assert log.counts == {} and log.skipped == skip_counts(done)
    got = [e for r in done if r["kind"] == EXCHANGE for e in [json.loads(str(r["payload"]))]]
    assert [e["response"]["id"] for e in got] == [e.response.id for e in exchanges] == ["c4"]


def test_a_reddit_reply_to_another_threads_message_is_worded_as_analyze_words_it(
    tmp_path: Path,
) -> None:
    """A comment whose parent is a message of another thread (of its dump, or of another
    dump of the run): analyze, given the dumps as one file, says the parent "is in another
    conversation only"; batch, which pairs Reddit dumps by thread across files, said "not
    in the input". The ids now go to their own group first (holds and answers rows), which
    tells each such reply's thread."""
    submissions = _reddit(
        tmp_path / "RS_2024-01",
        {"id": "s1", "author": "a", "title": "I lost my job.", "selftext": ""},
        {"id": "s2", "author": "b", "title": "I feel alone.", "selftext": ""},
    )
    comments = _reddit(
        tmp_path / "RC_2024-01",
        {"id": "c1", "author": "h", "body": "So sorry.", "parent_id": "t3_s1", "link_id": "t3_s1"},
        {"id": "c2", "author": "h", "body": "[deleted]", "parent_id": "t3_s1", "link_id": "t3_s1"},
        # in s2, answering a comment of s1 (the same dump), one nowhere, a deleted one of s1
        {"id": "c3", "author": "i", "body": "Hm.", "parent_id": "t1_c1", "link_id": "t3_s2"},
        {"id": "c4", "author": "i", "body": "Hm?", "parent_id": "t1_zz", "link_id": "t3_s2"},
        {"id": "c5", "author": "i", "body": "Eh.", "parent_id": "t1_c2", "link_id": "t3_s2"},
        # no link_id, and its parent comes later: in no thread, its parent in s1
        {"id": "c6", "author": "j", "body": "Yes.", "parent_id": "t1_c7"},
        {"id": "c7", "author": "k", "body": "Here.", "parent_id": "t3_s1", "link_id": "t3_s1"},
    )
    later = _reddit(  # another dump: a comment of s2 answering one of s1
        tmp_path / "RC_2024-02",
        {"id": "c8", "author": "m", "body": "Same.", "parent_id": "t1_c7", "link_id": "t3_s2"},
    )
    dumps = [submissions, comments, later]
    done = staged_rows(dumps, shards=3, format="reddit")
    got = sorted(str(json.loads(str(r["payload"]))["detail"]) for r in done if r["kind"] == REJECT)
    both = tmp_path / "all.ndjson"  # one dump holding all, as analyze reads it
    both.write_text("".join(d.read_text(encoding="utf-8") for d in dumps), encoding="utf-8")
    log = CollectingRejectLog()
    expected = list(read_exchanges(both, format="reddit", rejects=log))
    assert got == sorted(str(e["detail"]) for e in log.entries)
    elsewhere = "which is in another conversation only"
    assert got == [
        f"turn 'c3' in conversation 's2' replies to 'c1', {elsewhere}",
        "turn 'c4' in conversation 's2' replies to 'zz', not in the input",
        f"turn 'c5' in conversation 's2' replies to 'c2', {elsewhere}",
        f"turn 'c6' replies to 'c7', {elsewhere}",
        f"turn 'c8' in conversation 's2' replies to 'c7', {elsewhere}",
    ]
    pairs = [e for r in done if r["kind"] == EXCHANGE for e in [json.loads(str(r["payload"]))]]
    assert sorted(e["response"]["id"] for e in pairs) == sorted(e.response.id for e in expected)
    # The id rows are never staged, and their shuffle's blocks give the same rows however
    # they are cut into batches.
    assert not [r for r in done if r["kind"] in ID_KINDS]
    inputs = tuple(InputFile(i, str(p), "reddit", 0, 0) for i, p in enumerate(dumps))
    plan = BatchPlan(inputs=inputs, shards=3, model_id="m")
    rows = [r for i in range(3) for t in read_input(plan, i) for r in t.to_pylist()]
    ids = [r for r in rows if r["kind"] in ID_KINDS]
    want = sorted(json.dumps(r, sort_keys=True) for r in find_elsewhere(ids))
    assert len(want) == 4  # c6's and c8's threads differ: one row each
    for rows_per_batch in (1, 2, 5, 1000):
        tables = list(find_elsewhere_block(to_table(ids), rows_per_batch=rows_per_batch))
        assert all(t.schema == ROW_SCHEMA for t in tables)
        assert sorted(json.dumps(r, sort_keys=True) for t in tables for r in t.to_pylist()) == want


def test_a_reply_to_a_spam_comment_is_skipped_as_analyze_counts_it(tmp_path: Path) -> None:
    site = tmp_path / "site.xml"
    text = (EXAMPLES / "blog_comments.xml").read_text(encoding="utf-8")
    approved = "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>"
    spam = "<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>"
    assert approved in text
    site.write_text(text.replace(approved, spam, 1), encoding="utf-8")  # comment 301
    log = RejectLog()
    expected = list(read_exchanges(site, rejects=log))
    assert any(k.startswith("reply to ") for k in log.skipped)  # the case is exercised
    done = staged_rows([site], shards=2, format="wxr")
    assert skip_counts(done) == log.skipped
    assert sorted(
        json.loads(str(r["payload"]))["reason"] for r in done if r["kind"] == REJECT
    ) == sorted(r for r, n in log.counts.items() for _ in range(n))
    got = [json.loads(str(r["payload"])) for r in done if r["kind"] == EXCHANGE]
    assert sorted(e["response"]["id"] for e in got) == sorted(e.response.id for e in expected)


def test_a_reply_to_a_spam_comment_of_another_post_is_worded_as_analyze_words_it(
    tmp_path: Path,
) -> None:
    """Comment 402 of post 59 answers comment 301, spam on post 58: an unknown parent for
    both commands (a skipped item is one of its own conversation), which analyze says is
    in another conversation only; batch said it was "not in its conversation"."""
    text = (EXAMPLES / "blog_comments.xml").read_text(encoding="utf-8")
    start, end = text.index("<item>"), text.index("</item>") + len("</item>")
    item = text[start:end].replace("<wp:post_id>58</wp:post_id>", "<wp:post_id>59</wp:post_id>")
    for n in range(301, 311):  # the comments of post 59: 401 to 410; 402 still answers 301
        for tag in ("comment_id", "comment_parent") if n != 301 else ("comment_id",):
            item = item.replace(f"<wp:{tag}>{n}</wp:{tag}>", f"<wp:{tag}>{n + 100}</wp:{tag}>")
    approved = "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>"
    spam = "<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>"
    site = tmp_path / "sites.xml"
    site.write_text((text[:end] + item + text[end:]).replace(approved, spam, 1), encoding="utf-8")
    log = CollectingRejectLog()
    expected = list(read_exchanges(site, rejects=log))
    (entry,) = [e for e in log.entries if e["reason"] == "unknown parent"]
    assert entry["detail"] == (
        "turn 'comment-402' in conversation 'post-59' replies to 'comment-301', which is in "
        "another conversation only"
    )
    done = staged_rows([site], shards=2, format="wxr")
    assert [json.loads(str(r["payload"])) for r in done if r["kind"] == REJECT] == log.entries
    assert skip_counts(done) == log.skipped
    got = [json.loads(str(r["payload"])) for r in done if r["kind"] == EXCHANGE]
    assert sorted(e["response"]["id"] for e in got) == sorted(e.response.id for e in expected)


def test_threads_numbering_messages_from_one_are_paired_as_analyze_pairs_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "threads.csv"
    path.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "1,A,,alice,I lost my job today.\n"
        "2,A,1,bob,What happened?\n"
        "1,B,,carol,My dog died last night.\n"
        "2,B,1,dave,I'm so sorry about your dog.\n",
        encoding="utf-8",
    )
    got, rejects = batch_pairs([path], shards=2, format="csv")
    expected, expected_rejects = analyze_pairs(path)
    assert got == expected and len(got) == 2 and rejects == expected_rejects == []


def test_a_reply_to_a_rejected_message_says_so_as_analyze_does(tmp_path: Path) -> None:
    """Message 2 has no text (rejected); 3 answers it: its `unknown parent` detail says
    that 2 was rejected, and on which line, as `analyze` says, not that 2 is not in its
    conversation. The rejected message's id and line go to its conversation's group."""
    thread = tmp_path / "thread.csv"
    thread.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "1,t1,,ana,I can't sleep again.\n"
        "2,t1,1,ben,\n"
        "3,t1,2,ana,Thanks for asking.\n"
        "4,t1,9,cy,Hang in there.\n"
        "1,t2,,dan,Another thread.\n"
        "2,t2,1,eve,Its message 2 has a text.\n",
        encoding="utf-8",
    )
    log = CollectingRejectLog()
    expected = list(read_exchanges(thread, rejects=log))
    done = staged_rows([thread], shards=2, format="csv")
    got = sorted((r for r in done if r["kind"] == EXCHANGE), key=lambda r: (r["file"], r["seq"]))
    assert [Exchange.from_dict(json.loads(str(r["payload"]))) for r in got] == expected
    entries = {
        e["line"]: e for r in done if r["kind"] == REJECT for e in [json.loads(r["payload"])]
    }
    analyzed = {e["line"]: e for e in log.entries}
    assert sorted(entries) == sorted(analyzed) == [3, 4, 5]  # 2's text, 3's and 4's parents
    assert entries[3] == analyzed[3] and entries[3]["reason"] == "missing text"
    assert entries[4] == analyzed[4]
    assert entries[4]["detail"] == "turn '3' in conversation 't1' replies to '2', which was " \
        "rejected (line 3)"  # fmt: skip
    # 9 is nowhere: batch, pairing one conversation at a time, says it as analyze does
    assert entries[5] == analyzed[5]
    assert entries[5]["detail"] == "turn '4' in conversation 't1' replies to '9', not in the input"


def test_an_unknown_parent_is_worded_as_analyze_words_it(tmp_path: Path) -> None:
    """Batch said of every reply whose parent its conversation lacks that the parent "is not
    in its conversation"; analyze, given the same file, says "not in the input", or "which
    is in another conversation only" when the id is a message of another conversation of
    the file (a read one, or one its reader left out). Batch now words each as analyze does:
    the read task sends those ids of other conversations to the reply's. Another file's
    message is not in the input, for both: each file is paired on its own."""
    first = tmp_path / "a.csv"
    first.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "1,t1,,ana,I can't sleep again.\n"
        "2,t1,1,ben,That sounds exhausting.\n"
        "3,t1,9,cy,Hang in there.\n"  # 9: nowhere
        "4,t2,,dan,Another thread.\n"
        "5,t2,2,eve,Answers t1's message 2.\n"  # 2: in t1 only
        "2,t3,,fay,Thread three has a message 2 too.\n"
        "6,t3,2,gus,Its own message 2.\n"  # paired within t3
        "7,t4,4,hal,Answers t2's message 4.\n"  # 4: in t2 only
        "8,t4,10,ivy,10 is in the other file.\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.csv"
    second.write_text(
        "message_id,thread_id,parent_id,author,text\n10,t4,,jo,The other file's message.\n",
        encoding="utf-8",
    )
    analyzed: dict[tuple[str, int], dict[str, object]] = {}
    expected: list[Exchange] = []
    for path in (first, second):
        log = CollectingRejectLog()
        expected.extend(read_exchanges(path, rejects=log))
        analyzed.update({(str(e["path"]), int(str(e["line"]))): e for e in log.entries})
    done = staged_rows([first, second], shards=3, format="csv")
    entries = {
        (str(e["path"]), int(e["line"])): e
        for r in done
        if r["kind"] == REJECT
        for e in [json.loads(str(r["payload"]))]
    }
    assert entries == analyzed
    assert {line: e["detail"] for (_, line), e in entries.items()} == {
        4: "turn '3' in conversation 't1' replies to '9', not in the input",
        6: "turn '5' in conversation 't2' replies to '2', which is in another conversation only",
        9: "turn '7' in conversation 't4' replies to '4', which is in another conversation only",
        10: "turn '8' in conversation 't4' replies to '10', not in the input",
    }
    got = sorted((r for r in done if r["kind"] == EXCHANGE), key=lambda r: (r["file"], r["seq"]))
    assert [Exchange.from_dict(json.loads(str(r["payload"]))) for r in got] == expected


def test_parquet_inputs_with_dates_and_bytes_are_staged(tmp_path: Path) -> None:
    """Stage 1 writes each message as JSON: a Parquet thread with a ``date`` and a binary
    column stopped the run (``Object of type date is not JSON serializable``)."""
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "thread.parquet"
    base = {"thread_id": "t1", "author": "ann", "posted_on": datetime.date(2024, 1, 2)}
    rows = [
        {**base, "message_id": "1", "parent_id": None, "text": "I lost my job.", "raw": b"\xff"},
        {**base, "message_id": "2", "parent_id": "1", "author": "bo",
         "text": "That sounds hard.", "raw": b"ok"},
    ]  # fmt: skip
    pq.write_table(pa.Table.from_pylist(rows), path)
    exchanges, rejects = batch_pairs([path], shards=2, format="parquet")
    assert rejects == []
    (exchange,) = exchanges
    assert exchange.response.text == "That sounds hard."
    assert exchange.response.meta["posted_on"] == "2024-01-02"
    assert exchange.seeker.meta["raw"] == {"hex": "ff"}  # bytes that are not UTF-8: no text


def test_helpers_keep_only_their_exchanges_after_pairing(tmp_path: Path) -> None:
    """--helper leaves out, and counts, the exchanges of other speakers' responses once
    every message is paired: ana's reply to maya's left-out answer keeps its seeker. Pair
    rows are kept or left out as they are read. The same exchanges as `analyze --helper`."""
    thread = tmp_path / "thread.jsonl"
    write_jsonl(
        thread,
        [
            Turn(id="t1", text="I lost my job.", speaker="maya", conversation_id="c1"),
            Turn(id="t2", text="How scary.", speaker="jon", conversation_id="c1", reply_to="t1"),
            Turn(id="t3", text="Yes, ashamed.", speaker="maya", conversation_id="c1",
                 reply_to="t2"),
            Turn(id="t4", text="No shame in it.", speaker="Ana", conversation_id="c1",
                 reply_to="t3"),
        ],
    )  # fmt: skip
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "".join(
            json.dumps({"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": "I feel alone.",
                        "response": "I am here.", "speaker": speaker}) + "\n"
            for i, speaker in enumerate(["jon", "vol-1", None])
        ),
        encoding="utf-8",
    )  # fmt: skip
    helpers = ("JON", "a*")
    done = staged_rows([thread, pairs], shards=3, helpers=helpers)
    got = sorted((r for r in done if r["kind"] == EXCHANGE), key=lambda r: (r["file"], r["seq"]))
    exchanges = [Exchange.from_dict(json.loads(str(r["payload"]))) for r in got]
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [
        ("t1", "t2"),
        ("t3", "t4"),
        ("s0", "r0"),
    ]
    left_out = [json.loads(str(r["payload"]))["n"] for r in done if r["kind"] == LEFT_OUT]
    assert sorted(left_out) == [1, 2]  # maya's t3 in the thread; vol-1 and no speaker
    assert all(r["shard"] == -1 for r in done if r["kind"] == LEFT_OUT)
    wanted, expected = HelperPatterns(helpers), []
    for path in (thread, pairs):
        expected.extend(wanted.keep(read_exchanges(path, rejects=RejectLog()), lambda _: None))
    assert exchanges == expected
    # Without --helper nothing is left out.
    assert not [r for r in staged_rows([thread, pairs], shards=3) if r["kind"] == LEFT_OUT]


def test_a_reply_to_a_comment_rejected_in_another_reddit_dump_says_where(
    tmp_path: Path,
) -> None:
    """Comment c1 (no text) is rejected in one dump, c2 answers it in another: the detail
    says that c1 was rejected, on which line and in which file, as `analyze` of one dump
    holding both says it (batch said that c1 "is not in its conversation")."""
    first = _reddit(
        tmp_path / "RC_a.ndjson",
        {"id": "abc", "author": "op", "title": "I can't sleep", "selftext": "So heavy."},
        {"id": "c1", "author": "va", "body": "   ", "parent_id": "t3_abc", "link_id": "t3_abc"},
        {"id": "c3", "author": "vb", "body": "Hugs", "parent_id": "t3_abc", "link_id": "t3_abc"},
    )
    second = _reddit(
        tmp_path / "RC_b.ndjson",
        {"id": "c2", "author": "op", "body": "Thanks", "parent_id": "t1_c1", "link_id": "t3_abc"},
    )
    done = staged_rows([first, second], shards=2, format="reddit")
    entries = sorted(
        (json.loads(str(r["payload"])) for r in done if r["kind"] == REJECT),
        key=lambda e: (str(e["path"]), int(e["line"])),
    )
    assert [(Path(e["path"]).name, e["line"], e["reason"]) for e in entries] == [
        ("RC_a.ndjson", 2, "missing text"),
        ("RC_b.ndjson", 1, "unknown parent"),
    ]
    assert entries[1]["detail"] == (
        f"turn 'c2' in conversation 'abc' replies to 'c1', which was rejected (line 2 of {first})"
    )
    both = _reddit(tmp_path / "both.ndjson")
    both.write_text(first.read_text() + second.read_text(), encoding="utf-8")
    log = CollectingRejectLog()
    list(read_exchanges(both, format="reddit", rejects=log))
    assert log.entries[1]["detail"] == (
        "turn 'c2' in conversation 'abc' replies to 'c1', which was rejected (line 2)"
    )


def test_a_merged_turn_over_the_text_limit_is_rejected_as_analyze_rejects_it(
    tmp_path: Path,
) -> None:
    """Three messages of 400,000 characters by one speaker read well alone, but merged are
    over the 1,000,000-character limit: rejected in batch as in `analyze`, and the reply to
    them with them; the other conversation still pairs."""
    part = "x" * 400_000
    path = tmp_path / "turns.jsonl"
    write_jsonl(
        path,
        [
            Turn(id="1", text=part, speaker="ana", conversation_id="c"),
            Turn(id="2", text=part, speaker="ana", conversation_id="c", reply_to="1"),
            Turn(id="3", text=part, speaker="ana", conversation_id="c", reply_to="2"),
            Turn(id="4", text="I hear you.", speaker="bo", conversation_id="c", reply_to="3"),
            Turn(id="1", text="Hi.", speaker="cy", conversation_id="d"),
            Turn(id="2", text="Hello.", speaker="di", conversation_id="d", reply_to="1"),
        ],
    )
    log = CollectingRejectLog()
    expected = list(read_exchanges(path, rejects=log))
    done = staged_rows([path], shards=2)
    got = [Exchange.from_dict(json.loads(str(r["payload"]))) for r in done if r["kind"] == EXCHANGE]
    assert got == expected and [e.seeker.conversation_id for e in got] == ["d"]
    entries = sorted(
        (json.loads(str(r["payload"])) for r in done if r["kind"] == REJECT),
        key=lambda e: int(e["line"]),
    )
    assert entries == log.entries
    assert [(e["line"], e["reason"]) for e in entries] == [
        (1, "text too long"),
        (4, "unknown parent"),
    ]
    assert "merged text of 3 messages by one speaker is 1,200,002 characters" in str(
        entries[0]["detail"]
    )


def message_rows(paths: list[Path], format: str = "jsonl") -> tuple[BatchPlan, list[Row]]:
    """The plan and the rows stage 1 sends to be paired (turns, gone and rejected turns)."""
    inputs = tuple(InputFile(i, str(p), format, 0, 0) for i, p in enumerate(paths))
    plan = BatchPlan(inputs=inputs, shards=3, model_id="m", helpers=("vol-*", "ana"))
    rows = [r for i in range(len(paths)) for t in read_input(plan, i) for r in t.to_pylist()]
    return plan, [r for r in rows if r["kind"] in PAIRED_KINDS]


def one_by_one(rows: list[Row], plan: BatchPlan) -> list[str]:
    """Every group paired on its own (:func:`pair_group`), as sorted JSON rows."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[str(row["group"])].append(row)
    paths = [i.path for i in plan.inputs]
    paired = (
        r
        for g in groups.values()
        for r in pair_group(g, paths=paths, shards=plan.shards, helpers=plan.helpers)
    )
    return sorted(json.dumps(r, sort_keys=True) for r in paired)


def test_conversations_spanning_batches_are_paired_whole(tmp_path: Path) -> None:
    """pair_block pairs a block a batch of rows at a time; a conversation whose rows reach
    past a batch's size is paired whole in that batch (never cut in two: its replies would
    lose their parents), so every batch size gives the rows of pairing each conversation on
    its own. Rows come in any order (the shuffle's), messages merged, rejected, in two
    files, one conversation larger than every batch, and messages with no conversation."""
    rng = random.Random(5)
    turns: list[list[Turn]] = [[], []]
    for c, size in enumerate([2, 5, 1, 9, 3, 30, 2, 4, 7, 1]):
        conversation = None if c == 2 else f"c{c}"
        for k in range(size):
            turns[c % 2].append(
                Turn(
                    id=f"m{k}",
                    text="" if (c, k) == (3, 4) else f"message {k} of {c}",  # rejected
                    speaker=rng.choice(["ana", "ben", "vol-cy"]),  # runs merge
                    conversation_id=conversation,
                    reply_to=None if k == 0 else f"m{rng.randrange(k)}",
                )
            )
    paths = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for path, file_turns in zip(paths, turns, strict=True):
        write_jsonl(path, file_turns)
    plan, rows = message_rows(paths)
    rng.shuffle(rows)
    kinds = Counter(str(r["kind"]) for r in rows)
    assert kinds["rejected_turn"] == 1 and kinds["turn"] == len(rows) - 1
    expected = one_by_one(rows, plan)
    assert sum('"kind": "exchange"' in r for r in expected) > 20
    table = to_table(rows)
    paths_ = [i.path for i in plan.inputs]
    for rows_per_batch in (1, 2, 3, 4, 7, 29, 31, 1000):
        tables = list(
            pair_block(table, paths_, plan.shards, plan.helpers, rows_per_batch=rows_per_batch)
        )
        got = sorted(json.dumps(r, sort_keys=True) for t in tables for r in t.to_pylist())
        assert got == expected, rows_per_batch
        assert all(t.schema == ROW_SCHEMA for t in tables)
        if rows_per_batch < 30:  # the 30-message conversation is a batch of its own
            assert len(tables) > 1
    # Batches end where a conversation ends: sizes 2, 2, 5 and 1 at 3 rows a batch are
    # three batches (2 + 2, then 5 whole, then 1), each paired as one table.
    sizes = [("g1", 2), ("g2", 2), ("g3", 5), ("g4", 1)]
    grouped = to_table(
        [
            {"kind": "gone", "group": g, "shard": -1, "file": 0, "seq": k, "payload": "{}"}
            for g, n in sizes
            for k in range(n)
        ]
    )
    assert group_bounds(grouped.column("group")).tolist() == [0, 2, 4, 9, 10]
    seen: list[int] = []

    class Counting(GroupPairer):
        def pair(self, rows: Sequence[Row]) -> list[Row]:
            seen.append(len(rows))
            return []

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("carelens.batch.pairing.GroupPairer", Counting)
        assert list(pair_block(grouped, ["a"], 3, rows_per_batch=3)) == []
    assert seen == [2, 2, 5, 1]


def test_an_empty_block_pairs_nothing() -> None:
    assert list(pair_block(to_table([]), ["a"], 3)) == []
    assert group_bounds(to_table([]).column("group")).tolist() == [0]


@pytest.mark.parametrize("strategy", ["shuffle_v2", "sort_shuffle_pull_based"])
@pytest.mark.usefixtures("local_ray")
def test_stage_on_ray_gives_the_rows_of_pairing_each_conversation_alone(
    tmp_path: Path, strategy: str
) -> None:
    """Stage 1 on Ray (a shuffle by group, then whole blocks paired many conversations a
    task) stages exactly the rows of reading each file and pairing each conversation on its
    own: thread files, Reddit dumps split into submissions and comments (a deleted comment),
    pair rows and rejects; with Ray's hash shuffle (its default) and a sort-based one."""
    from ray.data import DataContext

    rng = random.Random(11)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in range(3):
        lines = []
        for c in range(120):
            for k in range(1 + (c + f) % 6):
                turn = Turn(
                    id=f"m{k}",
                    text=f"message {k} of {c}",
                    speaker=rng.choice(["ana", "ben", "vol-cy"]),
                    conversation_id=None if c % 40 == 0 else f"c{c}",
                    reply_to=None if k == 0 else f"m{rng.randrange(k)}",
                )
                lines.append(json.dumps(turn.to_dict()))
        lines[7] = "{not json"
        rng.shuffle(lines)
        (inputs / f"turns-{f}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _reddit(
        inputs / "RS_2024-01",
        *(
            {"id": f"s{s}", "author": f"op{s}", "title": f"I feel alone {s}.", "selftext": ""}
            | {"subreddit": "r", "created_utc": 1700000000 + s}
            for s in range(30)
        ),
    )
    _reddit(
        inputs / "RC_2024-01",
        *(
            {
                "id": f"c{s}x{k}",
                "author": "[deleted]" if k == 1 else rng.choice(["vol-r", f"op{s}"]),
                "body": "[deleted]" if k == 1 else f"comment {k}",
                "parent_id": f"t3_s{s}" if k < 2 else f"t1_c{s}x{k - 1}",
                "link_id": f"t3_s{s}",
                "subreddit": "r",
                "created_utc": 1700000100 + k,
            }
            for s in range(30)
            for k in range(4)
        ),
        # replies to another thread's comment, live and deleted: "in another conversation"
        {"id": "x1", "author": "vol-r", "body": "Hm.", "parent_id": "t1_c0x0", "link_id": "t3_s1"},
        {"id": "x2", "author": "vol-r", "body": "Eh.", "parent_id": "t1_c0x1", "link_id": "t3_s2"},
    )
    _reddit(
        inputs / "pairs.jsonl",
        *(
            {"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": "hi", "response": "yo"}
            | {"speaker": "vol-a" if i % 2 else "bo"}
            | ({"response": ""} if i == 3 else {})
            for i in range(10)
        ),
    )
    plan = make_plan([inputs], model_id="m", shards=5, helpers=["vol-*", "ana"])
    assert {i.format for i in plan.inputs} == {"jsonl", "reddit"}
    rows = [r for i in range(len(plan.inputs)) for t in read_input(plan, i) for r in t.to_pylist()]
    expected = one_by_one(to_pair(rows), plan)
    expected += [
        json.dumps(r, sort_keys=True) for r in rows if r["kind"] not in (*PAIRED_KINDS, *ID_KINDS)
    ]
    kinds = Counter(json.loads(r)["kind"] for r in expected)
    assert {EXCHANGE, REJECT, SKIP, LEFT_OUT} <= set(kinds)
    assert sum("c0x0', which is in another conversation only" in r for r in expected) == 1
    assert sum("c0x1', which is in another conversation only" in r for r in expected) == 1

    context = DataContext.get_current()
    before = context.shuffle_strategy
    context.shuffle_strategy = strategy
    try:
        stage(plan, tmp_path / "staged", partitions=3)
    finally:
        context.shuffle_strategy = before
    got = []
    for folder in (tmp_path / "staged").glob("shard=*"):
        shard = int(folder.name.split("=", 1)[1])
        got.extend(
            json.dumps({**r, "shard": shard}, sort_keys=True)
            for r in ds.dataset(folder).to_table().to_pylist()
        )
    assert sorted(got) == sorted(expected)
