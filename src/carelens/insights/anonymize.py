"""``--anonymize`` for the insights: stable pseudonyms for people, personal data redacted.

Speaker names (helpers and seekers) become stable pseudonyms (the same name always gets
the same pseudonym under the same key, see :class:`carelens.privacy.Pseudonymizer`), and
emails, phone numbers, URLs, @handles and street addresses in the displayed texts are
replaced by placeholders (:func:`carelens.privacy.redact`). Spans are kept on their words:
personal data is found in the whole text, as :func:`~carelens.privacy.redact` finds it, and
the offsets of the rationale spans, the helper-distress and unsafe-wording spans (in the
response) and the crisis cues (in the seeker message) are moved to the redacted text
(:func:`carelens.privacy.redact_with_spans`; a boundary inside a finding moves to the edge
of its placeholder), so a highlighted phrase stays highlighted.

:func:`local_key` is the key the CLI uses when ``$CARELENS_ANONYMIZE_KEY`` is not set: a
random secret kept in the user's carelens data folder (created on first use, readable by the
owner only), so pseudonyms stay the same from run to run on this machine but cannot be
recomputed by someone who only guesses a name.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import replace
from pathlib import Path

from carelens.errors import InputError
from carelens.insights.rows import UNKNOWN, ResponseRow
from carelens.privacy import Pseudonymizer, redact_with_spans

#: The key file's name in the carelens data folder.
KEY_FILE = "pseudonym.key"


def local_key(data_dir: Path) -> tuple[str, bool]:
    """The secret pseudonym key in ``data_dir`` (created when missing); (key, created)."""
    path = data_dir / KEY_FILE
    created = False
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another run created it first: use theirs
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32) + "\n")
            created = True
    key = path.read_text(encoding="ascii", errors="replace").strip()
    if not key:
        raise InputError(
            "the pseudonym key file is empty; delete it to have a new key made, or set "
            "CARELENS_ANONYMIZE_KEY",
            path=str(path),
        )
    return key, created


#: Environment variable that holds a shared pseudonym key (it wins over the key file).
KEY_ENV = "CARELENS_ANONYMIZE_KEY"


def pseudonym_key(data_dir: Path | None = None) -> tuple[str, Path | None]:
    """The key pseudonyms are made with: ``$CARELENS_ANONYMIZE_KEY`` when set, else the
    secret key file in ``data_dir`` (default: the carelens data folder; created on first
    use). Returns the key and the key file's path when this call created it (else None)."""
    configured = os.environ.get(KEY_ENV)
    if configured:
        return configured, None
    if data_dir is None:
        from carelens.store.url import default_data_dir

        data_dir = default_data_dir()
    key, created = local_key(data_dir)
    return key, (data_dir / KEY_FILE) if created else None


def anonymize_row(row: ResponseRow, names: Pseudonymizer) -> ResponseRow:
    """``row`` with pseudonymous speakers and redacted texts (spans moved along)."""
    helper = row.helper if row.helper == UNKNOWN else names.pseudonym(row.helper) or UNKNOWN
    seeker = None if row.seeker_speaker is None else names.pseudonym(row.seeker_speaker)
    response_text, spans = row.response_text, dict(row.spans)
    distress_spans, unsafe_spans = row.distress_spans, row.unsafe_spans
    if response_text is not None:
        groups = {**spans, "__distress__": distress_spans, "__unsafe__": unsafe_spans}
        response_text, moved = redact_with_spans(response_text, groups)
        distress_spans = moved.pop("__distress__")
        unsafe_spans = moved.pop("__unsafe__")
        spans = dict(moved)
    seeker_text, cues = row.seeker_text, row.crisis_cues
    if seeker_text is not None:
        seeker_text, moved_cues = redact_with_spans(seeker_text, {"cues": cues})
        cues = moved_cues["cues"]
    return replace(
        row,
        helper=helper,
        seeker_speaker=seeker,
        response_text=response_text,
        seeker_text=seeker_text,
        spans=spans,
        distress_spans=distress_spans,
        unsafe_spans=unsafe_spans,
        crisis_cues=cues,
    )
