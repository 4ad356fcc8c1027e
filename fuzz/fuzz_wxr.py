"""Fuzz the WordPress WXR reader, malicious XML included.

Bytes become ``export.xml`` read with format="wxr". Besides the shared invariants, an oracle
asks expat itself whether the bytes hold a DOCTYPE or ENTITY declaration (the route to
"billion laughs" entity expansion and to external entities): if expat would meet one, carelens
must have refused the file with an InputError before parsing. No turn may ever contain the
marker of the local file the external-entity seeds point at.

Run: ``.venv/bin/python fuzz/fuzz_wxr.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import _harness as h


def test_one(data: bytes) -> None:
    path = h.write_input(data, "export.xml")
    read = h.read_all(path, "wxr", max_chars=h.limit_for(data))
    if read:
        h.check(not h.expat_sees_doctype(data), "dtd-not-refused", "expat sees a DOCTYPE")


if __name__ == "__main__":
    h.run("wxr", test_one)
