"""A clerk edits a procedure page, the section chief approves it, residents see it."""

from django.test import Client
from django.urls import reverse

from cityhall.procedures.forms import channels_to_text
from cityhall.procedures.models import Procedure, ProcedureVersion


def _form(version, **changes):
    data = {
        name: getattr(version, name)
        for name in (
            "title",
            "title_kana",
            "summary",
            "eligibility",
            "documents",
            "fee",
            "deadline",
            "processing_time",
            "counter",
            "online_form_url",
            "keywords",
        )
    }
    data["channels"] = channels_to_text(version.channels)
    return data | changes


def test_edit_submit_approve_publish(clerk, chief, draft, as_user):
    procedure = draft.procedure
    clerk_client, chief_client = as_user(clerk), as_user(chief)
    edit_url = reverse("console:procedures:edit", args=[procedure.pk])
    # Bad input is refused with a Japanese message and nothing changes.
    response = clerk_client.post(edit_url, _form(draft, channels="FAX｜送ってください"))
    assert response.status_code == 400
    assert "手続きの方法は" in response.content.decode()
    assert ProcedureVersion.objects.get().fee == "1通300円"
    # A real edit, with a preview of what residents will see.
    response = clerk_client.post(
        edit_url,
        _form(
            draft, fee="1通300円（コンビニ交付は200円）", channels="コンビニ交付｜マイナンバーカードで\n窓口｜本庁舎1階"
        ),
    )
    assert response.status_code == 302
    page = clerk_client.get(edit_url).content.decode()
    assert "プレビュー" in page and "コンビニ交付は200円" in page
    assert clerk_client.post(reverse("console:procedures:submit", args=[procedure.pk])).status_code == 302
    version = ProcedureVersion.objects.get()
    assert version.status == "pending"
    # The author sees no approve button; the chief approves.
    assert "承認する" not in clerk_client.get(reverse("console:procedures:version", args=[version.pk])).content.decode()
    queue = chief_client.get(reverse("console:procedures:review")).content.decode()
    assert "住民票の写しの交付" in queue
    response = chief_client.post(
        reverse("console:procedures:version", args=[version.pk]), {"action": "approve", "approve-comment": "OK"}
    )
    assert response.status_code == 302
    assert Procedure.objects.get().published_id == version.pk
    public = Client().get(reverse("procedures:detail", args=[procedure.slug])).content.decode()
    assert "コンビニ交付は200円" in public
    assert public.index("コンビニ交付") < public.index("窓口</strong>"), "the recommended way comes first"


def test_the_author_cannot_approve_through_the_page(clerk, draft, as_user):
    client = as_user(clerk)
    client.post(reverse("console:procedures:submit", args=[draft.procedure.pk]))
    response = client.post(reverse("console:procedures:version", args=[draft.pk]), {"action": "approve"})
    assert response.status_code == 403
    assert "承認できるのは、担当課の課長または情報政策課です" in response.content.decode()
    assert Procedure.objects.get().published is None


def test_english_console_round_trips_channel_labels(clerk, draft, as_user):
    client = as_user(clerk)
    url = "/en" + reverse("console:procedures:edit", args=[draft.procedure.pk])
    page = client.get(url).content.decode()
    assert "Counter｜" in page
    response = client.post(url, _form(draft, channels="Counter｜Main building\nConvenience-store issuance｜"))
    assert response.status_code == 302
    assert [c["kind"] for c in ProcedureVersion.objects.get().channels] == ["counter", "konbini"]


def test_editing_two_fields_changes_two_fields(clerk, chief, departments, as_user):
    """Full-width brackets, 「」, ～ and 全角英数 in the published text survive an edit of other fields."""
    from cityhall.procedures import services
    from cityhall.procedures.tests.conftest import CONTENT

    typed = CONTENT | {
        "fee": "1通350円（例）",
        "documents": "本人確認書類（運転免許証・マイナンバーカード等）\n「委任状」～代理人の場合",
        "summary": "ＤＶ等支援措置を受けている方は、窓口でご相談ください。",
        "deadline": "随時（平日８時３０分～１７時１５分）",
    }
    version = services.procedure_create(
        actor=clerk, department=departments["citizens"], category="certificates", slug="copy", content=typed
    )
    services.version_submit(actor=clerk, version=version)
    services.version_approve(actor=chief, version=version)
    clerk_client = as_user(clerk)
    edit_url = reverse("console:procedures:edit", args=[version.procedure.pk])
    response = clerk_client.post(edit_url, _form(version, title="住民票の写しの請求", keywords="住民票、写し"))
    assert response.status_code == 302
    draft = ProcedureVersion.objects.exclude(pk=version.pk).get()
    for name in ("fee", "documents", "summary", "deadline"):
        assert getattr(draft, name) == typed[name]
    page = clerk_client.get(reverse("console:procedures:version", args=[draft.pk])).content.decode()
    assert page.count('<th scope="row">') == 2, "the diff names the two edited fields only"


def test_a_form_file_reaches_residents_through_the_chiefs_approval(clerk, chief, draft, as_user):
    from cityhall.procedures import services
    from tests import sample_files as files

    services.version_submit(actor=clerk, version=draft)
    services.version_approve(actor=chief, version=draft)
    clerk_client, chief_client = as_user(clerk), as_user(chief)
    upload_url = reverse("console:procedures:file_upload", args=[draft.procedure.pk])
    response = clerk_client.post(
        upload_url, {"file-title": "委任状", "file-upload": files.upload("malware.pdf", files.windows_executable())}
    )
    assert "中身は実行ファイル" in clerk_client.get(response["Location"]).content.decode()
    clerk_client.post(upload_url, {"file-title": "委任状", "file-upload": files.upload("委任状.pdf", files.pdf())})
    detail = reverse("procedures:detail", args=[draft.procedure.slug])
    assert "委任状" not in Client().get(detail).content.decode(), "not live before approval"
    new = ProcedureVersion.objects.get(status="draft")
    clerk_client.post(reverse("console:procedures:submit", args=[draft.procedure.pk]))
    review = chief_client.get(reverse("console:procedures:version", args=[new.pk])).content.decode()
    assert "様式の追加" in review and "委任状" in review
    chief_client.post(reverse("console:procedures:version", args=[new.pk]), {"action": "approve"})
    page = Client().get(detail).content.decode()
    assert "委任状</a>（PDF、" in page
    stored_id = new.files.get().stored_id
    response = Client().get(reverse("procedures:download", args=[draft.procedure.slug, stored_id]))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]


def test_the_clerk_sees_their_submission_waiting_for_the_chief(clerk, chief, draft, as_user):
    from cityhall.procedures import services

    services.version_submit(actor=clerk, version=draft)
    page = as_user(clerk).get(reverse("console:procedures:review")).content.decode()
    assert "課長の承認を待っている版" in page and "住民票の写しの交付（v1）" in page
    assert "承認待ちの版はありません" not in page
    chief_page = as_user(chief).get(reverse("console:procedures:review")).content.decode()
    assert "あなたが承認する版" in chief_page and "住民票の写しの交付（v1）" in chief_page
