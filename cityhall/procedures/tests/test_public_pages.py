"""The portal as a resident uses it, on the demo city's procedures."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from cityhall.procedures import services
from cityhall.procedures.models import Procedure


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)
    services.catalog_changed()


@pytest.mark.parametrize("query", ["ｼﾞｭｳﾐﾝﾋｮｳ", "じゅうみんひょう", "ジュウミンヒョウ", "住民票"])
def test_search_finds_the_resident_record_copy(demo, query):
    page = Client().get(reverse("procedures:search"), {"q": query}).content.decode()
    first = page.split('<ol class="link-list">', 1)[1].split("</li>", 1)[0]
    assert "住民票の写し" in first


def test_search_without_results_suggests_the_navigator(demo):
    page = Client().get(reverse("procedures:search"), {"q": "宇宙旅行"}).content.decode()
    assert "見つかりませんでした" in page
    assert reverse("procedures:life_events") in page


def test_procedure_page_lists_every_way_recommended_first(demo):
    procedure = Procedure.objects.get(slug__contains="juminhyo")
    page = Client().get(reverse("procedures:detail", args=[procedure.slug])).content.decode()
    assert "手続きの方法" in page and "おすすめ" in page
    assert procedure.department.name in page


def test_moving_in_checklist_lives_in_the_url(demo):
    client = Client()
    form = client.get(reverse("procedures:life_event", args=["moving-in"]))
    assert form.status_code == 200
    event_questions = [line for line in form.content.decode().splitlines() if 'type="radio"' in line]
    assert event_questions
    bare = client.get(reverse("procedures:checklist", args=["moving-in"])).content.decode()
    assert "転入届" in bare
    from cityhall.procedures.models import LifeEvent

    event = LifeEvent.objects.get(slug="moving-in")
    answers = {q.key: q.choices[0][0] for q in event.questions.all()}
    full = client.get(reverse("procedures:checklist", args=["moving-in"]), answers).content.decode()
    assert full.count('class="card"') >= bare.count('class="card"')
    pdf = client.get(reverse("procedures:checklist_pdf", args=["moving-in"]), answers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert not client.session.keys(), "the navigator stores nothing"


def test_department_page_shows_hours_and_procedures(demo):
    page = Client().get(reverse("procedures:department", args=["citizens"])).content.decode()
    assert "受付時間" in page and "年末年始" in page
    assert "転入届" in page


def test_unknown_pages_are_japanese_404s(demo):
    client = Client()
    for url in ["/procedures/no-such/", "/procedures/category/nope/", "/life/nope/", "/departments/nope/"]:
        response = client.get(url)
        assert response.status_code == 404, url


def test_pages_showing_a_message_are_never_public(demo):
    from cityhall.accounts.models import User
    from conftest import login

    client = login(Client(), User.objects.get(email="resident@demo.ohtawara.example.jp"))
    client.post(reverse("account_logout"))
    after_logout = client.get(reverse("portal:home"))
    assert "ログアウトしました" in after_logout.content.decode()
    assert "public" not in after_logout["Cache-Control"]
    fresh = Client().get(reverse("portal:home"))
    assert "public" in fresh["Cache-Control"]


def test_checklists_follow_the_rules_order_under_department_headings(demo):
    from cityhall.procedures import selectors
    from cityhall.procedures.models import LifeEvent

    event = LifeEvent.objects.get(slug="bereavement")
    groups = selectors.checklist(event, {})
    first = groups[0].items[0].procedure
    assert first.published.title == "死亡届", "the rules start with 死亡届, so the checklist does"
    rule_order = [r.procedure_id for r in event.rules.order_by("order", "id")]
    listed = [item.procedure.pk for group in groups for item in group.items]
    assert len({g.department.pk for g in groups}) == len(groups), "one heading per department"
    for group in groups:  # within a department, the configured order
        ids = [item.procedure.pk for item in group.items]
        assert ids == sorted(ids, key=rule_order.index)
    page = Client().get(reverse("procedures:checklist", args=["bereavement"])).content.decode()
    headings = [g.department.name for g in groups]
    positions = [page.index(f">{name}</h2>") for name in headings]
    assert positions == sorted(positions)
    assert page.index("死亡届") < page.index(headings[1])
    assert set(listed) <= set(rule_order)


def test_every_department_page_says_when_where_and_how_to_call(demo):
    """議会事務局 and 会計課 showed 「平日 〜」 with no hours, phone or place."""
    import re

    from cityhall.core import selectors as core_selectors

    client = Client()
    for department in core_selectors.department_list():
        page = client.get(reverse("procedures:department", args=[department.code])).content.decode()
        assert re.search(r"平日 \d{1,2}:\d{2}〜\d{1,2}:\d{2}", page), department.name
        assert "<dt>場所</dt>" in page and 'href="tel:' in page, department.name
