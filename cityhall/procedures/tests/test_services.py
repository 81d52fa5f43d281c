import datetime as dt

import pytest
from django.utils import timezone

from cityhall.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from cityhall.core.models import AuditEntry, StoredFile
from cityhall.procedures import selectors, services
from cityhall.procedures.models import Procedure, ProcedureVersion
from cityhall.procedures.tests.conftest import CONTENT
from tests import sample_files as files

Status = ProcedureVersion.Status


def test_draft_review_publish_cycle(clerk, chief, draft, django_capture_on_commit_callbacks):
    assert draft.status == Status.DRAFT and draft.procedure.published is None
    services.version_submit(actor=clerk, version=draft)
    with django_capture_on_commit_callbacks(execute=True):
        approved = services.version_approve(actor=chief, version=draft, comment="確認しました")
    procedure = Procedure.objects.get()
    assert (approved.status, procedure.published_id) == (Status.PUBLISHED, draft.pk)
    assert [p.slug for p in selectors.published_procedures()] == ["juminhyo-copy"]
    # A second revision: the published page stays until the new version is approved.
    second = services.draft_save(actor=clerk, procedure=procedure, content={"fee": "1通350円"})
    assert second.number == 2 and second.fee == "1通350円" and second.title == CONTENT["title"]
    assert Procedure.objects.get().published.fee == "1通300円"
    services.version_submit(actor=clerk, version=second)
    services.version_approve(actor=chief, version=second)
    statuses = dict(ProcedureVersion.objects.values_list("number", "status"))
    assert statuses == {1: Status.SUPERSEDED, 2: Status.PUBLISHED}
    actions = list(AuditEntry.objects.order_by("sequence").values_list("action", flat=True))
    assert actions == [
        "procedures.create",
        "procedures.submit",
        "procedures.approve",
        "procedures.draft_save",
        "procedures.submit",
        "procedures.approve",
    ]


def test_authors_cannot_approve_their_own_change(clerk, chief, draft):
    services.version_submit(actor=clerk, version=draft)
    with pytest.raises(PermissionDeniedError):
        services.version_approve(actor=clerk, version=draft)
    chief_draft = services.procedure_create(
        actor=chief, department=chief.department, category="tax", slug="tax-cert", content=CONTENT
    )
    services.version_submit(actor=chief, version=chief_draft)
    with pytest.raises(PermissionDeniedError, match="自分が作成・編集した版"):
        services.version_approve(actor=chief, version=chief_draft)
    assert not ProcedureVersion.objects.filter(status=Status.PUBLISHED).exists()


def test_other_departments_cannot_edit_or_approve(policy_officer, clerk, draft, departments):
    from conftest import make_user

    other_chief = make_user("other@example.jp", role="section_chief", department=departments["ict-policy"])
    services.version_submit(actor=clerk, version=draft)
    with pytest.raises(PermissionDeniedError):
        services.version_approve(actor=other_chief, version=draft)
    with pytest.raises(PermissionDeniedError):
        services.draft_save(actor=other_chief, procedure=draft.procedure, content={"fee": "0円"})
    # The ICT policy division administers every department.
    services.version_approve(actor=policy_officer, version=draft)
    assert Procedure.objects.get().published_id == draft.pk


def test_returned_with_a_comment_then_edited_again(clerk, chief, draft):
    services.version_submit(actor=clerk, version=draft)
    with pytest.raises(ConflictError, match="承認待ち"):
        services.draft_save(actor=clerk, procedure=draft.procedure, content={"fee": "x"})
    with pytest.raises(InvalidInputError, match="理由"):
        services.version_return(actor=chief, version=draft, comment=" ")
    returned = services.version_return(actor=chief, version=draft, comment="手数料の表記を統一してください")
    assert returned.status == Status.DRAFT and returned.review_comment
    edited = services.draft_save(actor=clerk, procedure=draft.procedure, content={"fee": "300円"})
    assert edited.pk == draft.pk and edited.review_comment == ""


def test_scheduled_publication(clerk, chief, draft, django_capture_on_commit_callbacks):
    services.version_submit(actor=clerk, version=draft)
    when = timezone.now() + dt.timedelta(hours=2)
    scheduled = services.version_approve(actor=chief, version=draft, publish_at=when)
    assert scheduled.status == Status.SCHEDULED and Procedure.objects.get().published is None
    assert services.publish_due(now=timezone.now()) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.publish_due(now=when + dt.timedelta(seconds=1)) == 1
    assert Procedure.objects.get().published_id == draft.pk
    assert AuditEntry.objects.filter(action="procedures.publish_scheduled", actor=None).count() == 1
    assert services.publish_due(now=when + dt.timedelta(minutes=1)) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"channels": []}, "一つ以上"),
        ({"channels": [{"kind": "fax", "note": ""}]}, "fax"),
        ({"channels": [{"kind": "counter"}, {"kind": "counter"}]}, "重複"),
        ({"channels": [{"kind": "online", "note": ""}]}, "オンライン申請のURL"),
        ({"summary": " "}, "概要"),
    ],
)
def test_bad_content_is_refused(clerk, departments, content, message):
    with pytest.raises(InvalidInputError, match=message):
        services.procedure_create(
            actor=clerk,
            department=departments["citizens"],
            category="certificates",
            slug="x",
            content=CONTENT | content,
        )
    assert not Procedure.objects.exists()


def test_slug_and_category_rules(clerk, departments, draft):
    with pytest.raises(InvalidInputError, match="URL名"):
        services.procedure_create(
            actor=clerk, department=departments["citizens"], category="tax", slug="住民票", content=CONTENT
        )
    with pytest.raises(ConflictError, match="同じURL名"):
        services.procedure_create(
            actor=clerk, department=departments["citizens"], category="tax", slug="juminhyo-copy", content=CONTENT
        )
    with pytest.raises(PermissionDeniedError):
        services.procedure_create(
            actor=clerk, department=departments["ict-policy"], category="tax", slug="other", content=CONTENT
        )


def test_form_files_pass_the_upload_gate(clerk, draft):
    ok = services.file_add(
        actor=clerk, procedure=draft.procedure, title="交付申請書", upload=files.upload("申請書.pdf", files.pdf())
    )
    assert ok.stored.file.name.endswith(".pdf") and ok.stored.content_type == "application/pdf"
    with pytest.raises(InvalidInputError, match="中身は実行ファイル"):
        services.file_add(
            actor=clerk,
            procedure=draft.procedure,
            title="偽物",
            upload=files.upload("x.pdf", files.windows_executable()),
        )
    with pytest.raises(InvalidInputError, match="壊れている"):
        services.file_add(
            actor=clerk, procedure=draft.procedure, title="壊れた", upload=files.upload("x.xlsx", files.corrupt_zip())
        )
    with pytest.raises(InvalidInputError, match="PDF・Excel・Word"):
        services.file_add(actor=clerk, procedure=draft.procedure, title="実行", upload=files.upload("x.exe", b"MZ"))
    big = files.upload("big.pdf", b"%PDF" + b"0" * 10 * 1024 * 1024)
    with pytest.raises(InvalidInputError, match="10MB"):
        services.file_add(actor=clerk, procedure=draft.procedure, title="大きい", upload=big)
    assert [f.title for f in draft.files.all()] == ["交付申請書"]


def test_form_files_go_live_only_through_approval(clerk, chief, draft):
    services.version_submit(actor=clerk, version=draft)
    services.version_approve(actor=chief, version=draft)
    added = services.file_add(
        actor=clerk, procedure=draft.procedure, title="委任状", upload=files.upload("委任状.docx", files.docx())
    )
    assert added.version.status == "draft" and added.version != draft
    assert selectors.version_files(draft) == [], "the published page does not show it yet"
    with pytest.raises(NotFoundError):
        selectors.published_file(slug=draft.procedure.slug, stored_id=added.stored_id)
    changes = selectors.file_changes(draft, added.version)
    assert [(kind, f.title) for kind, f in changes] == [("added", "委任状")]
    services.version_submit(actor=clerk, version=added.version)
    services.version_approve(actor=chief, version=added.version)
    assert selectors.published_file(slug=draft.procedure.slug, stored_id=added.stored_id).title == "委任状"
    # Removing it makes a new draft without it; residents keep it until that draft is approved.
    new_draft = services.file_remove(actor=clerk, procedure=draft.procedure, stored_id=added.stored_id)
    assert selectors.published_file(slug=draft.procedure.slug, stored_id=added.stored_id)
    assert [(kind, f.title) for kind, f in selectors.file_changes(added.version, new_draft)] == [("removed", "委任状")]
    assert AuditEntry.objects.filter(action="procedures.file_remove").count() == 1


def test_a_form_file_cannot_be_added_while_a_version_awaits_approval(clerk, draft):
    services.version_submit(actor=clerk, version=draft)
    with pytest.raises(ConflictError, match="承認待ち"):
        services.file_add(
            actor=clerk, procedure=draft.procedure, title="様式", upload=files.upload("a.pdf", files.pdf())
        )
    assert StoredFile.objects.count() == 0


def test_opening_days():
    assert selectors.closed_reason(dt.date(2026, 12, 29)) == "年末年始"
    assert selectors.closed_reason(dt.date(2027, 1, 3)) == "年末年始"
    assert selectors.closed_reason(dt.date(2026, 11, 23)) == "勤労感謝の日"
    assert selectors.closed_reason(dt.date(2026, 11, 28)) == "土曜日"
    assert selectors.closed_reason(dt.date(2026, 11, 25)) is None
    assert selectors.next_open_day(dt.date(2026, 12, 28)) == dt.date(2026, 12, 28)
    assert selectors.next_open_day(dt.date(2026, 12, 29)) == dt.date(2027, 1, 4)


def test_a_chief_who_edited_a_draft_cannot_approve_it(clerk, chief, draft):
    services.draft_save(actor=chief, procedure=draft.procedure, content={"fee": "課長が書いた手数料"})
    services.draft_save(actor=clerk, procedure=draft.procedure, content={})
    services.version_submit(actor=clerk, version=draft)
    with pytest.raises(PermissionDeniedError, match="自分が作成・編集した版"):
        services.version_approve(actor=chief, version=draft)
    assert ProcedureVersion.objects.get().created_by == clerk


def test_an_older_scheduled_version_never_replaces_a_newer_one(clerk, chief, policy_officer, draft):
    services.version_submit(actor=clerk, version=draft)
    services.version_approve(actor=chief, version=draft)  # v1 published
    v2 = services.draft_save(actor=clerk, procedure=draft.procedure, content={"fee": "v2"})
    services.version_submit(actor=clerk, version=v2)
    tomorrow = timezone.now() + dt.timedelta(days=1)
    services.version_approve(actor=chief, version=v2, publish_at=tomorrow)  # v2 scheduled
    v3 = services.draft_save(actor=clerk, procedure=draft.procedure, content={"fee": "v3 urgent fix"})
    assert v3.fee == "v3 urgent fix" and v3.summary == v2.summary, "a new draft starts from the scheduled content"
    services.version_submit(actor=clerk, version=v3)
    services.version_approve(actor=policy_officer, version=v3)  # v3 published now
    assert services.publish_due(now=tomorrow + dt.timedelta(minutes=1)) == 0
    assert Procedure.objects.get().published.fee == "v3 urgent fix"
    assert dict(ProcedureVersion.objects.values_list("number", "status")) == {
        1: Status.SUPERSEDED,
        2: Status.SUPERSEDED,
        3: Status.PUBLISHED,
    }


def test_search_sees_changes_made_by_another_process(clerk, chief, draft, admin_user):
    """The index version lives in the database, so a change from the periodic runner is seen too."""
    from cityhall.procedures.models import PortalState

    services.version_submit(actor=clerk, version=draft)
    before = PortalState.objects.filter(pk=1).values_list("catalog_token", flat=True).first() or ""
    services.version_approve(actor=chief, version=draft)
    assert PortalState.objects.get(pk=1).catalog_token not in ("", before)
    assert [p.slug for p, _hit in selectors.search("じゅうみんひょう")] == ["juminhyo-copy"]
    services.synonym_save(actor=admin_user, synonym=None, words="ぞうさん;住民票の写し")
    assert [p.slug for p, _hit in selectors.search("ぞうさん")] == ["juminhyo-copy"]
