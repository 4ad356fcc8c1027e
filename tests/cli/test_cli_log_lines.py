"""Log records on a stderr that is not a terminal (a log file, journald, a pipe): one record,
one line, whatever its length, so a long request path cannot spill into a line of its own."""

from __future__ import annotations

import io
import logging
import re

import pytest
from rich.console import Console
from rich.logging import RichHandler

from carelens.cli._session import LineHandler, _log_handler, session

LONG_PATH = "/explorer/" + "x" * 70 + "/thread/ WARNING corpus 0123 failed: forged 404"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def test_a_long_record_is_one_line_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with session(verbose=False, quiet=False):
        logging.getLogger("carelens.service.access").info("GET %s 404 1.0ms", LONG_PATH)
    (line,) = _lines(capsys.readouterr().err)
    assert line == f"INFO     GET {LONG_PATH} 404 1.0ms"


def test_line_breaks_in_a_record_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    with session(verbose=True, quiet=False):
        logging.getLogger("carelens.x").warning("a\nWARNING forged\r\u2028b\x1b[31m")
    (line,) = _lines(capsys.readouterr().err)
    # -v adds where the record was logged.
    assert re.fullmatch(r"WARNING  a\\nWARNING forged\\r\\u2028b\\x1b\[31m \[\w+\.py:\d+\]", line)


def test_a_traceback_stays_on_the_record_line() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("carelens.tests.trace")
    logger.addHandler(handler := LineHandler(Console(file=stream, width=80)))
    logger.propagate = False
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    (line,) = _lines(stream.getvalue())
    assert line.startswith("ERROR    failed\\nTraceback") and "ValueError: boom" in line


def test_a_terminal_keeps_rich_output() -> None:
    terminal = Console(file=io.StringIO(), force_terminal=True, width=80)
    assert isinstance(_log_handler(terminal, verbose=False), RichHandler)
