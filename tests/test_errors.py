"""The error hierarchy's messages: what an optional extra's error tells the user to run."""

from __future__ import annotations

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
