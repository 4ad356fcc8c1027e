"""``python -m carelens``: the ``carelens`` command, for an environment whose scripts folder
is not on ``PATH`` (or to pick the interpreter explicitly)."""

from carelens.cli.main import app

app(prog_name="carelens")
