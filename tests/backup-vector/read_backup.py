"""An independent reader of the One Day backup format, versions 1 and 2, written from
docs/backup-format.md alone (no code of the project's): it checks that the document is enough to
open a backup.

    python3 read_backup.py FILE SECRET_FILE

Prints one line: the format version, the Argon2id parameters, the secret kind, the number of
records and the number of each kind. Exits non-zero (with a Python traceback) if anything in the
file disagrees with the document.
"""

import hmac
import json
import struct
import sys

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CROCKFORD = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Version 2's Argon2id profiles (m KiB, t, p), in the order a reader tries them.
V2_PROFILES = [(65536, 3, 1), (19456, 2, 1)]


def argon2id(secret, salt, m, t, p):
    return hash_secret_raw(
        secret, salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32, type=Type.ID, version=19
    )


def hkdf(salt, ikm, info, n):
    return HKDF(algorithm=hashes.SHA256(), length=n, salt=salt, info=info).derive(ikm)


def as_recovery_code(secret):
    """The canonical form if the secret reads as a recovery code, else None."""
    out = bytearray()
    for c in secret.upper():
        c = bytes([c])
        if c in b" \t\r\n-":
            continue
        c = {b"O": b"0", b"I": b"1", b"L": b"1"}.get(c, c)
        if c not in CROCKFORD:
            return None
        out += c
    return bytes(out) if len(out) == 32 else None


def read_v1(data, secret):
    version, algorithm, secret_kind = struct.unpack(">HBB", data[8:12])
    assert (version, algorithm) == (1, 1), (version, algorithm)
    m, t, p = struct.unpack(">III", data[12:24])
    salt, nonce = data[24:40], data[40:52]
    (length,) = struct.unpack(">Q", data[52:60])
    check = data[60:76]
    assert len(data) == 76 + length, "length"
    if secret_kind == 1:
        secret = as_recovery_code(secret)
    ikm = argon2id(secret, salt, m, t, p)
    salt_h = b"oneday.backup.v1.hkdf"
    assert hmac.compare_digest(hkdf(salt_h, ikm, b"oneday.backup.v1.check", 16), check), "key check"
    key = hkdf(salt_h, ikm, b"oneday.backup.v1.key", 32)
    plain = AESGCM(key).decrypt(nonce, data[76:], b"oneday.backup.v1" + data[:76])
    return version, (m, t, p), secret_kind, plain


def read_v2(data, secret):
    assert len(data) >= 84, "shorter than any backup"
    salt, nonce, sealed_header = data[:16], data[16:28], data[28:68]
    code = as_recovery_code(secret)
    secret = code if code is not None else secret
    salt_h = b"oneday.backup.v2.hkdf"
    for m, t, p in V2_PROFILES:
        ikm = argon2id(secret, salt, m, t, p)
        header_key = hkdf(salt_h, ikm, b"oneday.backup.v2.header", 32)
        try:
            inner = AESGCM(header_key).decrypt(nonce, sealed_header, b"oneday.backup.v2.header" + data[:28])
        except InvalidTag:
            continue
        version, algorithm, secret_kind, im, it, ip, length = struct.unpack(">HBBIIIQ", inner)
        assert (version, algorithm) == (2, 1), (version, algorithm)
        assert secret_kind in (1, 2), secret_kind
        assert (im, it, ip) == (m, t, p), "parameters other than the profile that opened it"
        assert len(data) == 68 + length, "length"
        body_key = hkdf(salt_h, ikm, b"oneday.backup.v2.body", 32)
        plain = AESGCM(body_key).decrypt(nonce, data[68:], b"oneday.backup.v2.body" + data[:68])
        return version, (m, t, p), secret_kind, plain
    raise AssertionError("no profile's key opens the sealed header (wrong secret, or not a backup)")


def main(path, secret_path):
    data = open(path, "rb").read()
    secret = open(secret_path, "rb").read().rstrip(b"\n")
    read = read_v1 if data[:8] == b"ONEDAYBK" else read_v2
    version, (m, t, p), secret_kind, plain = read(data, secret)

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
    kind = {1: "recovery_code", 2: "passphrase"}[secret_kind]
    print(f"version={version} m={m} t={t} p={p} kind={kind} made_at={made_at} records={count} {counts}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
