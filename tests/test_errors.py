"""The error hierarchy: what an optional extra's error tells the user to run, and that every
error pickles (a worker process sends it back) with its message and attributes."""

from __future__ import annotations

import pickle

import pytest

from carelens import errors
from carelens.errors import MissingExtraError
from carelens.training.config import ENCODER_INSTALL, TRAIN_INSTALL


def test_missing_extra_gives_the_package_form_and_the_checkout_form() -> None:
    # `carelens[batch]` names a package pip looks for on an index; in a source checkout
    # the same extra is `.[batch]`.
    message = str(MissingExtraError("ray[data]", "batch"))
    assert "install it with: pip install 'carelens[batch]'" in message
    assert "from a carelens checkout: pip install '.[batch]'" in message


def test_missing_extra_with_its_own_command_says_what_changes_in_a_checkout() -> None:
    for install in (TRAIN_INSTALL, ENCODER_INSTALL):
        message = str(MissingExtraError("torch", "train", install))
        assert f"install it with: {install}" in message
        assert "from a carelens checkout, '.[train]' in place of 'carelens[train]'" in message


def test_missing_extra_with_a_command_without_the_extra_adds_nothing() -> None:
    message = str(MissingExtraError("ray[client]", "batch", "pip install 'ray[client]'"))
    assert message.endswith("install it with: pip install 'ray[client]'")


def _errors() -> list[Exception]:
    """One of every exception class in carelens.errors, with every attribute it takes set."""
    made: list[Exception] = [
        errors.InputError("no such file", path="a.csv", line=3, field="text", index=7),
        errors.InputError("plain"),
        errors.FormatDetectionError("unknown format", path="a.bin"),
        errors.PairTypeError("pair 2: the seeker text must be a string", index=2),
        errors.MissingExtraError("ray[data]", "batch"),
        errors.MissingExtraError("torch", "train", TRAIN_INSTALL),
    ]
    made += [
        cls("a message")
        for cls in (
            errors.CarelensError,
            errors.ConfigError,
            errors.ModelError,
            errors.ChecksumError,
            errors.NotFittedError,
        )
    ]
    return made


def test_every_error_class_is_in_the_list_above() -> None:
    classes = {
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, BaseException)
    }
    assert classes == {type(e) for e in _errors()}


@pytest.mark.parametrize("error", _errors(), ids=lambda e: type(e).__name__)
def test_every_error_pickles_with_its_message_and_attributes(error: Exception) -> None:
    """MissingExtraError did not unpickle (its __init__ takes the package and the extra, the
    default passes it the message alone): an error a worker process sent back was lost."""
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert back.args == error.args
    assert vars(back) == vars(error)
