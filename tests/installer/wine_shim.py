"""A forwarder-only ``bcryptprimitives.dll`` for Debian's wine 8, which has none.

Rust's standard library (1.78 and later) gets random bytes from ``bcryptprimitives!ProcessPrng``, a
function of Windows 10 and later; pydantic-core's Windows wheel is built with it, so under wine 8
``import pydantic`` fails with «DLL load failed». Real Windows has the DLL: this shim exists only in
the test's wine prefix. Its one export forwards ``ProcessPrng(buffer, length)`` to
``advapi32!SystemFunction036`` (``RtlGenRandom(buffer, length)``, the same contract), so it holds no
code: a PE32+ image with a single section that is the export directory.
"""

from __future__ import annotations

import struct

_FILE_ALIGN = 0x200
_SECTION_RVA = 0x1000


def forwarder_dll(dll_name: str, exports: dict[str, str]) -> bytes:
    """A 64-bit DLL whose exports (name → ``"otherdll.Function"``) are all forwarders."""
    names = sorted(exports)
    count = len(names)
    # the export section: directory, address table, name pointers, ordinals, then the strings
    directory_size = 40
    eat = directory_size
    npt = eat + 4 * count
    ordinals = npt + 4 * count
    strings = ordinals + 2 * count
    blob = bytearray()
    offsets: dict[str, int] = {}
    for text in [dll_name, *names, *(exports[n] for n in names)]:
        if text not in offsets:
            offsets[text] = strings + len(blob)
            blob += text.encode("ascii") + b"\0"
    section = bytearray(strings) + blob
    rva = lambda offset: _SECTION_RVA + offset  # noqa: E731
    struct.pack_into(
        "<IIHHIIIIIII", section, 0,
        0, 0, 0, 0,  # characteristics, time stamp, major/minor version
        rva(offsets[dll_name]), 1, count, count,  # name, ordinal base, functions, names
        rva(eat), rva(npt), rva(ordinals),
    )
    for i, name in enumerate(names):
        struct.pack_into("<I", section, eat + 4 * i, rva(offsets[exports[name]]))  # inside the section: a forwarder
        struct.pack_into("<I", section, npt + 4 * i, rva(offsets[name]))
        struct.pack_into("<H", section, ordinals + 2 * i, i)
    export_size = len(section)
    raw_size = -(-len(section) // _FILE_ALIGN) * _FILE_ALIGN
    section += b"\0" * (raw_size - len(section))
    virtual_size = -(-export_size // 0x1000) * 0x1000

    dos = bytearray(64)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x8664, 1, 0, 0, 0, 240, 0x2022)  # DLL | EXECUTABLE | LARGE_ADDRESS
    optional = bytearray(struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0, 0, raw_size, 0, 0, _SECTION_RVA,  # magic PE32+, linker, sizes, entry 0, base of code
        0x180000000, 0x1000, _FILE_ALIGN,  # image base, section and file alignment
        6, 0, 0, 0, 6, 0, 0,  # OS, image, subsystem versions, win32 version value
        _SECTION_RVA + virtual_size, _FILE_ALIGN, 0, 3, 0x0140,  # image size, headers, checksum, console, NX|dynbase
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,  # stack and heap, loader flags, data directories
    ))
    directories = bytearray(16 * 8)
    struct.pack_into("<II", directories, 0, _SECTION_RVA, export_size)
    section_header = struct.pack(
        "<8sIIIIIIHHI", b".edata", export_size, _SECTION_RVA, raw_size, _FILE_ALIGN, 0, 0, 0, 0, 0x40000040
    )  # initialized data, readable
    headers = bytes(dos) + coff + bytes(optional) + bytes(directories) + section_header
    headers += b"\0" * (_FILE_ALIGN - len(headers))
    return headers + bytes(section)


def bcryptprimitives() -> bytes:
    return forwarder_dll("bcryptprimitives.dll", {"ProcessPrng": "advapi32.SystemFunction036"})
