"""An independent reader of the One Day backup format, version 1, written from docs/backup-format.md
alone (no code of the project's): it checks that the document is enough to open a backup.

    python3 read_backup.py FILE PASSPHRASE_FILE

Prints one line: the header fields and the number of records of each kind. Exits non-zero (with a
Python traceback) if anything in the file disagrees with the document.
"""

import hmac
import json
import struct
import sys

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def main(path, secret_path):
    data = open(path, "rb").read()
    secret = open(secret_path, "rb").read().rstrip(b"\n")
    assert data[:8] == b"ONEDAYBK", "magic"
    version, algorithm, secret_kind = struct.unpack(">HBB", data[8:12])
    assert (version, algorithm) == (1, 1), (version, algorithm)
    assert secret_kind == 2, "this reader only takes passphrases"
    m, t, p = struct.unpack(">III", data[12:24])
    salt, nonce = data[24:40], data[40:52]
    (length,) = struct.unpack(">Q", data[52:60])
    check = data[60:76]
    assert len(data) == 76 + length, "length"

    ikm = hash_secret_raw(
        secret, salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32, type=Type.ID, version=19
    )

    def hkdf(info, n):
        return HKDF(algorithm=hashes.SHA256(), length=n, salt=b"oneday.backup.v1.hkdf", info=info).derive(ikm)

    assert hmac.compare_digest(hkdf(b"oneday.backup.v1.check", 16), check), "key check"
    plain = AESGCM(hkdf(b"oneday.backup.v1.key", 32)).decrypt(nonce, data[76:], b"oneday.backup.v1" + data[:76])

    made_at, count = struct.unpack(">qI", plain[:12])
    at, kinds = 12, {}
    for _ in range(count):
        at += 16  # record id
        at += 8  # edit time
        k = plain[at]
        kind = plain[at + 1 : at + 1 + k].decode("ascii")
        at += 1 + k
        (n,) = struct.unpack(">I", plain[at : at + 4])
        json.loads(plain[at + 4 : at + 4 + n])
        at += 4 + n
        kinds[kind] = kinds.get(kind, 0) + 1
    assert len(plain) % 4096 == 0 and not any(plain[at:]), "padding"
    counts = " ".join(f"{k}={n}" for k, n in sorted(kinds.items()))
    print(f"version={version} m={m} t={t} p={p} made_at={made_at} records={count} {counts}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
