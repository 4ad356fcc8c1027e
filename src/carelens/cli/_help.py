"""How the commands' ``--help`` reads: the command and group classes every command is built
with, and the names that ask for help (``-h`` and ``--help``, on every command).

typer's rich help shows a type for every option in a column of its own, a flag's too
(``--overwrite  <bool>``), which reads as if the flag took a value: click's plain help shows
none for a flag. :class:`Command` and :class:`Group` give each flag (and each counted
option) an empty metavar, which is what that column shows when one is set, so a flag's
row has no type. They also show a repeatable option or an argument that takes several
values by what one use of it takes (``--helper <str>``, ``--written <path>``, ``inputs...
<path>``), as every other option is shown, not by the list the command receives
(typer's ``<list[str]>``, ``<list[Path]>``); each one's help says it may be repeated.
:class:`PlainHelpCommand` is a command whose help is click's plain layout (``train``: its
long option names would be cut in rich's panel).
"""

from __future__ import annotations

import types
from pathlib import PurePath
from typing import Any, get_args, get_origin

from typer.core import TyperCommand, TyperGroup, TyperOption

#: The options that show a command's help: click's ``--help``, and ``-h`` as most tools
#: take it (set on the app's context, so every command and group inherits them).
HELP_OPTION_NAMES = ["--help", "-h"]


def _flags_without_type(params: list[Any]) -> list[Any]:
    """``params`` with an empty metavar on each flag and counted option that has none, so
    that rich's help shows no type for it (an option that takes a value keeps its own), and
    each one that takes a list shown by the type of one value (:func:`_one_value_type`)."""
    for param in params:
        flag = isinstance(param, TyperOption) and (param.is_flag or param.count)
        if flag and param.metavar is None:
            param.metavar = ""
        elif param.metavar is None and (label := _one_value_type(param)) is not None:
            # What the help shows in the type column of this parameter alone (an option's
            # metavar would do for an option, but is an argument's name).
            param.display_type = types.MethodType(lambda self, ctx, shown=label: shown, param)
    return params


def _one_value_type(param: Any) -> str | None:
    """``<path>`` (``<str>``, ...) for a parameter typed as a list of paths (strings...),
    which the user gives one value at a time (a repeated option, several arguments): the
    type typer shows for an option that takes one such value. None for any other parameter
    (shown as typer shows it), or one typer describes otherwise than this module knows."""
    described = getattr(param, "type_descriptor", None)  # typer's, on every TyperParameter
    annotation = getattr(described, "annotation", None)
    if get_origin(annotation) is not list:
        return None
    (item,) = get_args(annotation) or (None,)
    if not isinstance(item, type):
        return None
    if issubclass(item, PurePath):
        return f"<{getattr(described, 'path_type', 'path')}>"  # path, file or dir
    return f"<{item.__name__}>"


class Command(TyperCommand):
    """A carelens command: its help shows no type beside a flag."""

    # ctx is click's Context (typer's vendored copy, which it does not export).
    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_without_type(super().get_params(ctx))


class Group(TyperGroup):
    """A group of carelens commands (``carelens``, ``carelens keys``): its help shows no type
    beside a flag."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_without_type(super().get_params(ctx))


class PlainHelpCommand(Command):
    """A command whose ``--help`` is click's plain layout: each option name whole, its help
    wrapped beside or under it. rich's options panel gives the names, the ``--a/--b`` flag
    pairs, the types and the help a column each and narrows them all alike, so for a
    command with many long option names (``train``) it cuts the names at 80 columns."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rich_markup_mode = None  # the help only: errors are formatted by the app
