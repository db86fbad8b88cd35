"""A Bloom filter: "certainly absent" for most keys the compiled index does not hold.

Most questions namefix asks its index have no answer: the joined letters of a real name it
does not know, the symmetric-delete codes of a word no famous name is near. A filter of a
few megabytes, built with the index, answers those from memory instead of from SQLite,
which costs some 30 µs a query. A key the filter lets through is looked up as before, so
the answers are the same; only the time changes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from zlib import adler32, crc32

__all__ = ["BloomFilter"]

#: Probes are found by double hashing a CRC-32 and an Adler-32 of the key: both fast in C and
#: the same in every process (unlike `hash`), so a filter can be stored.
_PROBES = 6


class BloomFilter:
    """A fixed set of str keys, tested for membership with a small false-positive rate."""

    __slots__ = ("_bits", "_probes", "_size")

    def __init__(self, bits: bytes | bytearray, size: int, probes: int = _PROBES) -> None:
        if size <= 0 or len(bits) * 8 < size or not 1 <= probes <= 32:
            raise ValueError("a Bloom filter needs a positive size within its bits and 1 to 32 probes")
        self._bits = bytes(bits)
        self._size = size
        self._probes = probes

    @classmethod
    def of(cls, keys: Iterable[str], count: int, bits_per_key: int = 16) -> BloomFilter:
        """A filter holding `keys` (about `count` of them: the size is chosen from it).

        16 bits a key give about 0.1% false positives, 10 about 1%, 8 about 2.5%.
        """
        probes = max(1, min(_PROBES, round(bits_per_key * 0.69)))
        size = max(64, math.ceil(max(count, 1) * bits_per_key))
        bits = bytearray((size + 7) // 8)
        for item in keys:
            data = item.encode("utf-8", "surrogatepass")
            first, step = crc32(data), adler32(data) | 1
            for probe in range(probes):
                position = (first + probe * step) % size
                bits[position >> 3] |= 1 << (position & 7)
        return cls(bits, size, probes)

    def __contains__(self, item: str) -> bool:
        return bool(self.present((item,)))

    def present(self, items: Iterable[str]) -> list[str]:
        """The items that may be in the set, in order (one call for many: this is hot)."""
        bits, size, probes = self._bits, self._size, self._probes
        out = []
        for item in items:
            data = item.encode("utf-8", "surrogatepass")
            first = crc32(data)
            position = first % size
            if not bits[position >> 3] >> (position & 7) & 1:
                continue  # most absent keys stop at the first probe
            step = adler32(data) | 1
            for probe in range(1, probes):
                position = (first + probe * step) % size
                if not bits[position >> 3] >> (position & 7) & 1:
                    break
            else:
                out.append(item)
        return out

    def to_bytes(self) -> bytes:
        """The filter as stored: its size in bits (8 bytes), its probes (1 byte), the bits.
        A stored filter describes itself, so one built with other settings still reads right."""
        return self._size.to_bytes(8, "little") + bytes([self._probes]) + self._bits

    @classmethod
    def from_bytes(cls, data: bytes) -> BloomFilter:
        return cls(data[9:], int.from_bytes(data[:8], "little"), data[8])
