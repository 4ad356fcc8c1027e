"""A small HTML tree for the page tests: parse with the standard library, query with CSS.

:func:`parse` builds a tree of :class:`Node` s (void and self-closed elements handled, an end
tag closes every element opened since its start tag). Nodes answer ``select`` /
``select_one`` for a subset of CSS — type, ``#id``, ``.class``, ``[attr]``,
``[attr="value"]`` and ``[attr^="value"]``, joined by descendant (space) and child (``>``)
combinators — and ``find`` / ``find_all`` by tag and attributes. ``text`` is the decoded
text of a node and everything in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def descendants(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.descendants()

    # -- find ---------------------------------------------------------------------------------

    def find_all(
        self,
        tag: str | Sequence[str] | None = None,
        *,
        string: str | None = None,
        attrs: dict[str, str] | None = None,
        **named: str,
    ) -> list[Node]:
        wanted = {k.rstrip("_"): v for k, v in {**(attrs or {}), **named}.items()}
        tags = {tag} if isinstance(tag, str) else set(tag) if tag is not None else None

        def ok(node: Node) -> bool:
            if tags is not None and node.tag not in tags:
                return False
            for key, value in wanted.items():
                have = node.attrs.get(key)
                if have is None:
                    return False
                if key == "class" and value not in have.split():
                    return False
                if key != "class" and have != value:
                    return False
            return string is None or node.text == string

        return [n for n in self.descendants() if ok(n)]

    def find(
        self,
        tag: str | Sequence[str] | None = None,
        *,
        string: str | None = None,
        attrs: dict[str, str] | None = None,
        **named: str,
    ) -> Node | None:
        found = self.find_all(tag, string=string, attrs=attrs, **named)
        return found[0] if found else None

    # -- CSS ----------------------------------------------------------------------------------

    def select(self, selector: str) -> list[Node]:
        steps = _parse_selector(selector)
        current: list[Node] = [self]
        for combinator, compound in steps:
            seen: set[int] = set()
            nxt: list[Node] = []
            for node in current:
                pool = (
                    (c for c in node.children if isinstance(c, Node))
                    if combinator == ">"
                    else node.descendants()
                )
                for candidate in pool:
                    if id(candidate) not in seen and _matches(candidate, compound):
                        seen.add(id(candidate))
                        nxt.append(candidate)
            current = nxt
        order = {id(n): k for k, n in enumerate(self.descendants())}
        return sorted(current, key=lambda n: order.get(id(n), -1))

    def select_one(self, selector: str) -> Node | None:
        found = self.select(selector)
        return found[0] if found else None


_TOKEN = re.compile(
    r"\s*(>)\s*|(\s+)|([A-Za-z][\w-]*)|#([\w-]+)|\.([\w-]+)"
    r"|\[([\w-]+)(?:([\^]?=)\"([^\"]*)\")?\]"
)
Compound = list[tuple[str, str, str | None]]


def _parse_selector(selector: str) -> list[tuple[str, Compound]]:
    steps: list[tuple[str, Compound]] = []
    combinator = " "
    compound: Compound = []
    position = 0
    text = selector.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match and match.end() > position, f"cannot read selector {selector!r}"
        position = match.end()
        child, space, tag, ident, cls, attr, op, value = match.groups()
        if child or space:
            if compound:
                steps.append((combinator, compound))
                compound = []
                combinator = " "
            if child:
                combinator = ">"
            continue
        if tag:
            compound.append(("tag", tag, None))
        elif ident:
            compound.append(("attr=", "id", ident))
        elif cls:
            compound.append(("class", cls, None))
        elif attr:
            compound.append((f"attr{op or ''}", attr, value))
    if compound:
        steps.append((combinator, compound))
    return steps


def _matches(node: Node, compound: Compound) -> bool:
    for kind, name, value in compound:
        if kind == "tag" and node.tag != name:
            return False
        if kind == "class" and name not in node.classes:
            return False
        if kind.startswith("attr"):
            have = node.attrs.get(name)
            if have is None:
                return False
            if kind == "attr=" and have != value:
                return False
            if kind == "attr^=" and not have.startswith(value or ""):
                return False
    return True


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.open: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v if v is not None else "" for k, v in attrs}, self.open[-1])
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v if v is not None else "" for k, v in attrs}, self.open[-1])
        self.open[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.open) - 1, 0, -1):
            if self.open[k].tag == tag:
                del self.open[k:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(text: str) -> Node:
    """The tree of an HTML document."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root
