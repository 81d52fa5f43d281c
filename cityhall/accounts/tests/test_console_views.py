"""Console forms: good input is saved and audited; bad input is refused in Japanese and changes nothing."""

from django.core import mail
from django.urls import reverse

from cityhall.accounts.models import ApiToken, CommitteeMembership, User
from cityhall.core.models import AuditEntry, Department


def test_department_create_and_bad_input(admin_user, departments, as_user):
    client = as_user(admin_user)
    url = reverse("console:org:department_create")
    response = client.post(
        url,
        {
            "code": "ｔａｘ",
            "name": "税務課",
            "kind": "section",
            "sort_order": "5",
            "parent": departments["general-policy"].pk,
        },
    )
    assert response.status_code == 302
    tax = Department.objects.get(code="tax")  # full-width input normalised
    assert tax.parent == departments["general-policy"]
    assert AuditEntry.objects.filter(action="department.create", actor=admin_user).count() == 1

    response = client.post(url, {"code": "citizens", "name": "", "kind": "section", "sort_order": "x"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "このフィールドは必須です" in body
    assert "整数を入力してください" in body
    response = client.post(url, {"code": "citizens", "name": "重複", "kind": "section", "sort_order": "1"})
    assert response.status_code == 400
    assert "同じ組織コードが既に使われています" in response.content.decode()
    assert Department.objects.filter(code="citizens").count() == 1
    assert AuditEntry.objects.count() == 1


def test_staff_create_through_the_console(admin_user, departments, as_user, django_capture_on_commit_callbacks):
    client = as_user(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("console:org:staff_create"),
            {
                "email": "new@example.jp",
                "display_name": "新人　ﾀﾛｳ",
                "department": departments["citizens"].pk,
                "roles": [],
                "employee_number": "１２３",
            },
        )
    assert response.status_code == 302
    staff = User.objects.get(email="new@example.jp")
    assert (staff.display_name, staff.employee_number) == ("新人\u3000タロウ", "123")
    assert len(mail.outbox) == 1
    response = client.post(reverse("console:org:staff_create"), {"email": "new@example.jp", "display_name": "x"})
    assert response.status_code == 400
    assert "既に登録されています" in response.content.decode()


def test_oversized_input_is_refused(admin_user, as_user):
    response = as_user(admin_user).post(
        reverse("console:org:role_create"), {"code": "x", "name": "あ" * 61, "modules": ["audit"]}
    )
    assert response.status_code == 400
    assert "60 文字以下" in response.content.decode()


def test_committee_and_assignment_pages(admin_user, clerk, departments, as_user):
    client = as_user(admin_user)
    response = client.post(
        reverse("console:org:committee_list"),
        {"committee": "security", "user": clerk.pk, "position": "member", "starts_on": "2025-04-01"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("console:org:committee_list"),
        {
            "committee": "security",
            "user": clerk.pk,
            "position": "member",
            "starts_on": "2025-04-01",
            "ends_on": "2025-01-01",
        },
    )
    assert response.status_code == 400
    assert "終了日は開始日以降" in response.content.decode()
    assert CommitteeMembership.objects.count() == 1
    page = client.get(reverse("console:org:committee_list")).content.decode()
    assert "情報セキュリティ委員会" in page and clerk.display_name in page

    response = client.post(
        reverse("console:org:assignment_list") + "?year=2025",
        {"kind": "security_staff", "department": departments["citizens"].pk, "user": clerk.pk},
    )
    assert response.status_code == 302
    page = client.get(reverse("console:org:assignment_list") + "?year=2025").content.decode()
    assert "令和7年度" in page and "セキュリティスタッフ" in page


def test_new_token_is_shown_once(policy_officer, as_user):
    client = as_user(policy_officer)
    response = client.post(reverse("console:org:token_list"), {"name": "基幹系連携"})
    assert response.status_code == 200
    token = ApiToken.objects.get()
    body = response.content.decode()
    assert "二度と表示されません" in body
    assert token.prefix in body
    assert token.prefix not in client.get(reverse("console:org:token_list")).content.decode().replace(
        f"{token.prefix}…", ""
    )


def test_audit_page_verifies_the_chain(policy_officer, admin_user, departments, as_user):
    from cityhall.core import services

    services.department_set_active(actor=admin_user, department=departments["citizens"], is_active=False)
    client = as_user(policy_officer)
    page = client.get(reverse("console:audit_list")).content.decode()
    assert "department.deactivate" in page
    response = client.post(reverse("console:audit_verify"), follow=True)
    assert "改ざんされていません" in response.content.decode()


def test_audit_filter_answers_htmx_with_just_the_table(policy_officer, admin_user, departments, as_user):
    from cityhall.core import services

    services.department_set_active(actor=admin_user, department=departments["citizens"], is_active=False)
    client = as_user(policy_officer)
    full = client.get(reverse("console:audit_list"), {"actor": "admin"}).content.decode()
    fragment = client.get(reverse("console:audit_list"), {"actor": "admin"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" in full
    assert "<html" not in fragment
    assert "department.deactivate" in fragment
    none = client.get(reverse("console:audit_list"), {"actor": "nobody"}, HTTP_HX_REQUEST="true").content.decode()
    assert "department.deactivate" not in none
    assert "記録はまだありません" in none
