"""The ``carelens`` command line (typer + rich); see :mod:`carelens.cli.main`."""
