"""Priority ranks: the document's rule, places with ties, and the note that A cannot be reached."""

import itertools
from decimal import Decimal

import pytest
from django.urls import reverse

from cityhall.plans import selectors, services
from cityhall.plans.models import Initiative
from cityhall.plans.scoring import DOCUMENT_RULE

RANK_A_NOTE = "算定式（G×Q×C×D÷4）では最高点が20.25点のため、A（24点以上）には該当しません。"
RULE_TEXT = "優先度＝G×Q×C×D÷4（◎=3、○=2、△=1）。A 最優先：24点以上、B 優先：18点以上24点未満、C 計画変更：18点未満。"


@pytest.mark.parametrize(
    ("score", "rank"),
    [("24", "A"), ("24.00", "A"), ("81", "A"), ("23.99", "B"), ("18", "B"), ("17.99", "C"), ("0.25", "C")],
)
def test_rank_thresholds_are_inclusive(score, rank):
    assert DOCUMENT_RULE.rank(Decimal(score)) == rank


def test_the_formula_tops_out_below_rank_a_as_the_note_says():
    scores = [DOCUMENT_RULE.scored(*marks) for marks in itertools.product((1, 2, 3), repeat=4)]
    assert max(score for score, _rank in scores) == Decimal("20.25") == DOCUMENT_RULE.max_score
    assert {rank for _score, rank in scores} == {"B", "C"}
    assert not DOCUMENT_RULE.a_is_reachable


@pytest.mark.parametrize("name", ["console:plans:ranking", "console:plans:dashboard"])
def test_the_ranking_and_dashboard_say_why_there_is_no_a(clerk, as_user, name):
    page = as_user(clerk).get(reverse(name)).content.decode()
    assert RANK_A_NOTE in page
    assert RULE_TEXT in page


@pytest.fixture
def scored(policy_officer, small_plan, window, cloud):
    """Two initiatives tied at 20.25, one at 13.5, one unscored."""
    third = Initiative.objects.create(field=window.field, number=5, title="オンライン申請の拡充")
    Initiative.objects.create(field=window.field, number=6, title="キャッシュレス決済")
    for initiative, delivery in ((window, 3), (cloud, 3), (third, 2)):
        services.score_set(
            actor=policy_officer,
            initiative=initiative,
            fiscal_year=2024,
            government=3,
            quality=3,
            cost=3,
            delivery=delivery,
        )
    return small_plan


def test_equal_scores_share_a_place_and_the_next_place_skips(scored):
    ranked = selectors.scores_for_year(scored, 2024)
    assert [(i.title, place) for i, _score, place in ranked] == [
        ("クラウドの導入", 1),
        ("市民窓口の利便性向上", 1),
        ("オンライン申請の拡充", 3),
        ("キャッシュレス決済", None),
    ]
    assert ranked[-1][1] is None


def test_the_ranking_page_numbers_ties_like_the_meeting_pack(scored, clerk, as_user):
    page = as_user(clerk).get(reverse("console:plans:ranking"), {"year": 2024}).content.decode()
    places = [row.split("</td>", 1)[0] for row in page.split("<tbody>", 1)[1].split("<tr><td>")[1:]]
    assert places[:3] == ["1", "1", "3"]
