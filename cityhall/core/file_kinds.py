"""What a file is, decided from its content and proven by opening it.

An extension or a browser's Content-Type says what the sender claims. Here the
first bytes decide the kind, and a parser of that kind (pypdf, zipfile with the
Office part list, olefile, Pillow, a text decoder) must read the file before
it counts as one. Macro-carrying Office files are never accepted.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

import olefile
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OOXML_MAIN = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}
_ZIP_MAX_RATIO = 100  # uncompressed / compressed: above this a ZIP is treated as a bomb
_TEXT_SAMPLE = 1 << 20


class FileKindError(Exception):
    """The content is not the kind it claims to be; `reason` is for the person who sent it."""

    def __init__(self, reason: str | Promise) -> None:
        self.reason = str(reason)
        super().__init__(self.reason)


@dataclass(frozen=True)
class FileKind:
    key: str
    label: Promise
    extensions: tuple[str, ...]
    content_type: str
    verify: Callable[[IO[bytes]], None]


def _verify_pdf(handle: IO[bytes]) -> None:
    try:
        reader = PdfReader(handle, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileKindError(
                _("パスワードで保護されたPDFは受け付けられません。保護を解除してから登録してください。")
            )
        if len(reader.pages) == 0:
            raise FileKindError(_("ページのないPDFです。"))
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise FileKindError(_("PDFとして開けません。ファイルが壊れている可能性があります。")) from error


def _ooxml_main(archive: zipfile.ZipFile) -> str:
    """The content type of the package's main part, from [Content_Types].xml."""
    try:
        # CPython 3.11's expat (≥ 2.4.1) refuses entity-expansion bombs and ElementTree never
        # resolves external entities, which is what defusedxml guarded against.
        root = ElementTree.fromstring(archive.read("[Content_Types].xml"))  # noqa: S314
    except (KeyError, ElementTree.ParseError) as error:
        raise FileKindError(_("Office文書の構成情報がありません。ファイルが壊れている可能性があります。")) from error
    for override in root.iter(f"{_CONTENT_TYPES_NS}Override"):
        part, content_type = override.get("PartName", ""), override.get("ContentType", "")
        if part in ("/xl/workbook.xml", "/word/document.xml"):
            return content_type
    return ""


def _open_zip(handle: IO[bytes]) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(handle)
        infos = archive.infolist()
        packed = max(sum(i.compress_size for i in infos), 1)
        if sum(i.file_size for i in infos) > packed * _ZIP_MAX_RATIO:
            raise FileKindError(_("展開すると極端に大きくなるファイルです。受け付けられません。"))
        if archive.testzip() is not None:
            raise zipfile.BadZipFile
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise FileKindError(_("Office文書として開けません。ファイルが壊れている可能性があります。")) from error
    return archive


def _ooxml_verifier(key: str) -> Callable[[IO[bytes]], None]:
    def verify(handle: IO[bytes]) -> None:
        with _open_zip(handle) as archive:
            main = _ooxml_main(archive)
            names = set(archive.namelist())
        if "macroEnabled" in main or any(name.endswith("vbaProject.bin") for name in names):
            raise FileKindError(_("マクロを含むファイルは受け付けられません。マクロなしの形式で保存してください。"))
        if main != _OOXML_MAIN[key]:
            raise FileKindError(_("ファイルの中身が拡張子の示す形式と一致しません。"))

    return verify


def _ole_verifier(streams: tuple[str, ...], macros: tuple[str, ...]) -> Callable[[IO[bytes]], None]:
    def verify(handle: IO[bytes]) -> None:
        try:
            with olefile.OleFileIO(handle) as ole:
                present = {"/".join(entry) for entry in ole.listdir(streams=True, storages=True)}
        except (OSError, ValueError, IndexError) as error:
            raise FileKindError(_("Office文書として開けません。ファイルが壊れている可能性があります。")) from error
        if any(name.split("/")[0] in macros for name in present):
            raise FileKindError(_("マクロを含むファイルは受け付けられません。マクロなしの形式で保存してください。"))
        if not any(stream in present for stream in streams):
            raise FileKindError(_("ファイルの中身が拡張子の示す形式と一致しません。"))

    return verify


def _image_verifier(format_name: str) -> Callable[[IO[bytes]], None]:
    def verify(handle: IO[bytes]) -> None:
        try:
            with Image.open(handle) as image:
                if image.format != format_name:
                    raise FileKindError(_("ファイルの中身が拡張子の示す形式と一致しません。"))
                image.verify()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise FileKindError(_("画像として開けません。ファイルが壊れている可能性があります。")) from error

    return verify


def _verify_text(handle: IO[bytes]) -> None:
    """UTF-8 (with or without BOM) or Shift_JIS (CP932) text without binary bytes."""
    sample = handle.read(_TEXT_SAMPLE)
    if b"\x00" in sample:
        raise FileKindError(_("文字のファイルではありません（バイナリのデータを含みます）。"))
    for encoding in ("utf-8-sig", "cp932"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            decoder.decode(sample, final=len(sample) < _TEXT_SAMPLE)
        except UnicodeDecodeError:
            continue
        return
    raise FileKindError(_("文字コードがUTF-8でもShift_JISでもありません。"))


KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in (
        FileKind("pdf", _("PDF"), (".pdf",), "application/pdf", _verify_pdf),
        FileKind(
            "xlsx",
            _("Excel"),
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ooxml_verifier("xlsx"),
        ),
        FileKind(
            "docx",
            _("Word"),
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ooxml_verifier("docx"),
        ),
        FileKind(
            "xls",
            _("Excel（97-2003形式）"),
            (".xls",),
            "application/vnd.ms-excel",
            _ole_verifier(("Workbook", "Book"), ("_VBA_PROJECT_CUR",)),
        ),
        FileKind(
            "doc",
            _("Word（97-2003形式）"),
            (".doc",),
            "application/msword",
            _ole_verifier(("WordDocument",), ("Macros", "_VBA_PROJECT")),
        ),
        FileKind("png", _("PNG画像"), (".png",), "image/png", _image_verifier("PNG")),
        FileKind("jpeg", _("JPEG画像"), (".jpg", ".jpeg"), "image/jpeg", _image_verifier("JPEG")),
        FileKind("csv", _("CSV"), (".csv",), "text/csv; charset=utf-8", _verify_text),
        FileKind("text", _("テキスト"), (".txt",), "text/plain; charset=utf-8", _verify_text),
    )
}

# First bytes → what the content is, for kinds and for things we name when refusing them.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"MZ", "executable"),
    (b"\x7fELF", "executable"),
    (b"#!", "script"),
    (b"GIF8", "gif"),
)
_CONTAINERS = {"zip": ("xlsx", "docx"), "ole": ("xls", "doc")}
DESCRIPTIONS: dict[str, Promise] = {
    "executable": _("実行ファイル（プログラム）"),
    "script": _("スクリプト（プログラム）"),
    "gif": _("GIF画像"),
    "zip": _("ZIP形式のファイル"),
    "ole": _("古い形式のOffice文書"),
    "binary": _("文字ではないデータ"),
}


def sniff(head: bytes) -> str:
    """What the first bytes say the content is: a signature name, or "text"/"binary"."""
    for signature, name in _SIGNATURES:
        if head.startswith(signature) or (name == "pdf" and signature in head[:1024]):
            return name
    return "binary" if b"\x00" in head else "text"


def candidates(sniffed: str) -> tuple[str, ...]:
    """The kinds a sniffed signature may be (an Office container is told apart by its parts)."""
    if sniffed in _CONTAINERS:
        return _CONTAINERS[sniffed]
    if sniffed == "text":
        return ("csv", "text")
    return (sniffed,) if sniffed in KINDS else ()
