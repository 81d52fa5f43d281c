"""The upload gate: the kind comes from the content, proven by opening the file."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from cityhall.core.models import StoredFile
from cityhall.core.uploads import (
    MB,
    UploadPolicy,
    UploadRejectedError,
    stored_file_create,
    stored_file_response,
    stored_file_sweep,
    upload_check,
)
from tests import sample_files as files

FORMS = UploadPolicy(purpose="test.forms", what=_("様式"), kinds=("pdf", "xlsx", "docx", "xls", "doc"), max_bytes=MB)
EVIDENCE = UploadPolicy(
    purpose="test.evidence", what=_("根拠資料"), kinds=("pdf", "png", "jpeg", "csv", "text"), max_bytes=MB
)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("申請書.pdf", files.pdf(), "pdf"),
        ("申請書.xlsx", files.xlsx(), "xlsx"),
        ("委任状.docx", files.docx(), "docx"),
    ],
)
def test_real_office_and_pdf_files_pass(name, content, kind):
    checked = upload_check(files.upload(name, content), FORMS)
    assert (checked.kind.key, checked.name, checked.size) == (kind, name, len(content))


def test_images_and_text_pass_where_allowed():
    assert upload_check(files.upload("写真.JPG", files.image("JPEG")), EVIDENCE).kind.key == "jpeg"
    assert upload_check(files.upload("図.png", files.image("PNG")), EVIDENCE).kind.key == "png"
    assert upload_check(files.upload("集計.csv", "地区,人数\n本町,3\n".encode("cp932")), EVIDENCE).kind.key == "csv"


def test_a_windows_executable_renamed_pdf_is_refused_and_named():
    with pytest.raises(UploadRejectedError) as caught:
        upload_check(files.upload("malware.pdf", files.windows_executable(), "application/pdf"), EVIDENCE)
    assert "中身は実行ファイル（プログラム）です" in caught.value.message
    assert "PDF・PNG画像・JPEG画像・CSV・テキスト" in caught.value.message


def test_pk_and_noise_named_xlsx_is_refused():
    with pytest.raises(UploadRejectedError) as caught:
        upload_check(files.upload("様式.xlsx", files.corrupt_zip()), FORMS)
    assert caught.value.message == "Office文書として開けません。ファイルが壊れている可能性があります。"


def test_a_pdf_header_on_garbage_is_refused():
    with pytest.raises(UploadRejectedError, match="PDFとして開けません"):
        upload_check(files.upload("様式.pdf", b"%PDF-1.4 test"), FORMS)


def test_a_word_file_named_xlsx_is_refused():
    with pytest.raises(UploadRejectedError, match="拡張子の示す形式と一致しません"):
        upload_check(files.upload("様式.xlsx", files.docx()), FORMS)


def test_macros_are_refused():
    with pytest.raises(UploadRejectedError, match="マクロを含むファイル"):
        upload_check(files.upload("様式.docx", files.docx(macro=True)), FORMS)


def test_an_ole_header_without_an_ole_file_is_refused():
    with pytest.raises(UploadRejectedError, match="Office文書として開けません"):
        upload_check(files.upload("様式.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), FORMS)


def test_a_zip_bomb_is_refused():
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b" " * (5 * MB))
    with pytest.raises(UploadRejectedError, match="極端に大きく"):
        upload_check(files.upload("様式.docx", buffer.getvalue()), FORMS)


def test_binary_named_csv_is_refused():
    with pytest.raises(UploadRejectedError, match="中身は文字ではないデータです"):
        upload_check(files.upload("data.csv", b"a,b\n\x00\x01\x02"), EVIDENCE)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "様式.exe",
            files.windows_executable(),
            "様式は PDF・Excel・Word・Excel（97-2003形式）・Word（97-2003形式） のファイル",
        ),
        ("様式", files.pdf(), "様式は PDF"),
        ("empty.pdf", b"", "空のファイルです"),
        ("big.pdf", b"%PDF-" + b"0" * MB, "1MB以下"),
    ],
)
def test_wrong_extension_empty_and_oversized_files_are_refused(name, content, message):
    with pytest.raises(UploadRejectedError, match=message.replace("(", r"\(").replace(")", r"\)")):
        upload_check(files.upload(name, content), FORMS)


def test_the_sender_name_never_becomes_a_path():
    checked = upload_check(files.upload("..\\..\\etc/申請書\x00.pdf", files.pdf()), FORMS)
    assert checked.name == "申請書.pdf"


@pytest.mark.django_db
def test_stored_files_get_a_random_name_and_are_served_with_the_decided_type(resident):
    stored = stored_file_create(
        upload=files.upload("申請書.pdf", files.pdf(), "text/html"), policy=FORMS, actor=resident
    )
    assert stored.file.name.startswith("uploads/test/forms/")
    assert "申請書" not in stored.file.name and stored.file.name.endswith(".pdf")
    assert (stored.content_type, stored.uploaded_by) == ("application/pdf", resident)
    response = stored_file_response(stored)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert response.getvalue().startswith(b"%PDF-")


@pytest.mark.django_db
def test_a_refused_file_stores_nothing(resident):
    before = StoredFile.objects.count()
    with pytest.raises(UploadRejectedError):
        stored_file_create(upload=files.upload("a.pdf", files.windows_executable()), policy=FORMS, actor=resident)
    assert StoredFile.objects.count() == before


@pytest.mark.django_db
def test_sweep_removes_bytes_left_by_a_rolled_back_write(resident):
    kept = stored_file_create(upload=files.upload("a.pdf", files.pdf()), policy=FORMS, actor=resident)
    orphan = default_storage.save("uploads/test/forms/2026/orphan.pdf", files.upload("o.pdf", files.pdf()))
    stored_file_sweep(older_than=dt.timedelta(hours=1))
    assert default_storage.exists(orphan), "a fresh file may belong to a write still committing"
    assert stored_file_sweep(older_than=dt.timedelta(seconds=-1)) >= 1
    assert not default_storage.exists(orphan)
    assert default_storage.exists(kept.file.name)
