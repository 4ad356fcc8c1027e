"""The taking-up pattern of :mod:`carelens.analysis.crisis_tellings` is compiled the first time
a telling is read, not when the module is imported (it is over 100,000 characters long).

Whether a telling is taken up is tested in ``test_crisis_taken_up.py``; the cue spans of
both crisis sets were compared with the version that compiled it at import: none differ.
"""

from __future__ import annotations

import re
import subprocess
import sys

from carelens.analysis import crisis_tellings


def test_the_pattern_is_compiled_on_first_use_only() -> None:
    code = (
        "from carelens.analysis import crisis_tellings as ct\n"
        "from carelens.analysis.crisis import crisis_scan\n"
        "assert ct._taken_up.cache_info().currsize == 0, 'compiled at import'\n"
        "assert crisis_scan('I failed my exam again.') == ((), ())\n"
        "assert ct._taken_up.cache_info().currsize == 0, 'compiled without a telling'\n"
        "cues, _ = crisis_scan('people keep telling me to kill myself and honestly I want to')\n"
        "assert [cue.label for cue in cues] == ['suicide'], cues\n"
        "assert ct._taken_up.cache_info().currsize == 1\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr


def test_the_compiled_pattern_is_the_pattern_as_written() -> None:
    compiled = crisis_tellings._taken_up()
    assert compiled is crisis_tellings._taken_up()  # compiled once
    assert compiled.pattern == crisis_tellings._TAKEN_UP
    assert compiled.flags & re.IGNORECASE
