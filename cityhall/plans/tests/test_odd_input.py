"""Odd input gets a page with a message, never a 500."""

import pytest
from django.urls import reverse
from django.utils import translation

from cityhall.plans.forms import ScoreForm, plan_period_label
from cityhall.plans.models import DecisionRecord, Initiative, Plan

DECISION = {
    "decided_on": "2024-11-01",
    "observe": "待ち時間が増加",
    "orient": "繁忙期",
    "decide": "予約制",
    "act": "試行",
}


@pytest.mark.parametrize("year", ["²", "٢٠٢٤x", "1e3", "-", "2024.0", "99999999999999999999"])
def test_an_odd_year_on_the_ranking_page_falls_back_to_the_default(clerk, as_user, year):
    response = as_user(clerk).get(reverse("console:plans:ranking"), {"year": year})
    assert response.status_code == 200


def test_a_year_of_the_plan_is_taken(clerk, as_user):
    page = as_user(clerk).get(reverse("console:plans:ranking"), {"year": "2024"}).content.decode()
    assert "優先度（令和6年度）" in page


@pytest.mark.parametrize("initiative", ["²", "abc", "999999"])
def test_an_odd_initiative_on_a_decision_is_a_form_error(policy_officer, as_user, initiative):
    response = as_user(policy_officer).post(reverse("console:plans:decisions"), {**DECISION, "initiative": initiative})
    assert response.status_code == 400
    assert 'id="id_initiative_error"' in response.content.decode()
    assert not DecisionRecord.objects.exists()


def test_a_decision_links_the_initiative_chosen(policy_officer, as_user):
    initiative = Initiative.objects.get(title="市民窓口の利便性向上")
    client = as_user(policy_officer)
    page = client.get(reverse("console:plans:decisions")).content.decode()
    assert f'<option value="{initiative.pk}">{initiative.code} {initiative.title}</option>' in page
    response = client.post(reverse("console:plans:decisions"), {**DECISION, "initiative": initiative.pk})
    assert response.status_code == 302
    assert DecisionRecord.objects.get().initiative == initiative
    response = client.post(reverse("console:plans:decisions"), {**DECISION, "initiative": ""})
    assert response.status_code == 302
    assert DecisionRecord.objects.filter(initiative=None).count() == 1


def _score_form(plan, **data):
    marks = {"fiscal_year": "2024", "government": "3", "quality": "3", "cost": "3", "delivery": "3"}
    return ScoreForm({**marks, **data}, plan=plan)


def test_choice_errors_say_what_to_choose(small_plan):
    form = _score_form(small_plan, fiscal_year="2026", government="4", delivery="²")
    assert not form.is_valid()
    assert form.errors["fiscal_year"] == ["計画期間（令和5〜7年度）の年度を選んでください。"]
    assert form.errors["government"] == ["◎・○・△のいずれかを選んでください。"]
    assert form.errors["delivery"] == ["◎・○・△のいずれかを選んでください。"]


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (2023, 2025, "令和5〜7年度"),
        (2017, 2018, "平成29〜30年度"),
        (2018, 2020, "平成30年度〜令和2年度"),
        (2024, 2024, "令和6年度"),
    ],
)
def test_the_plan_period_is_written_as_in_the_document(first, last, label):
    assert plan_period_label(Plan(first_fiscal_year=first, last_fiscal_year=last)) == label


def test_the_plan_period_in_english():
    with translation.override("en"):
        assert (
            plan_period_label(Plan(first_fiscal_year=2023, last_fiscal_year=2025))
            == "FY2023 (Reiwa 5) – FY2025 (Reiwa 7)"
        )
