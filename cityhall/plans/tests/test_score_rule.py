"""Changing the priority score's formula and thresholds: checked, audited, and every score re-ranked."""

from decimal import Decimal

import pytest
from django.urls import reverse

from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.core.models import AuditEntry
from cityhall.plans import selectors, services
from cityhall.plans.models import Initiative, Plan, PriorityScore
from cityhall.plans.scoring import DOCUMENT_RULE, ScoreRule

REASON = "最高点が20.25点でAに届かないため、推進本部の決定により割る数を3にする。"


@pytest.fixture
def scored(policy_officer, small_plan, window, cloud):
    """◎◎◎◎ (20.25, B), ◎◎◎○ (13.5, C) and ◎○○△ (3, C) in 2024 under the document's rule."""
    third = Initiative.objects.create(field=window.field, number=5, title="オンライン申請の拡充")
    for initiative, marks in ((window, (3, 3, 3, 3)), (cloud, (3, 3, 3, 2)), (third, (3, 2, 2, 1))):
        services.score_set(
            actor=policy_officer,
            initiative=initiative,
            fiscal_year=2024,
            government=marks[0],
            quality=marks[1],
            cost=marks[2],
            delivery=marks[3],
        )
    return small_plan


def _change(actor, plan, divisor="4", a="24", b="18", note=REASON):
    return services.score_rule_set(
        actor=actor, plan=plan, divisor=Decimal(divisor), rank_a_from=Decimal(a), rank_b_from=Decimal(b), note=note
    )


def _scores(plan):
    return {s.initiative.title: (s.score, s.rank) for s in selectors.score_list(plan)}


def test_a_new_plan_and_the_seeded_plan_keep_the_documents_formula(municipality, small_plan):
    seeded = Plan.objects.exclude(pk=small_plan.pk).get()
    assert seeded.score_rule == DOCUMENT_RULE
    assert small_plan.score_rule == DOCUMENT_RULE
    assert (seeded.score_divisor, seeded.rank_a_from, seeded.rank_b_from) == (Decimal(4), Decimal(24), Decimal(18))


def test_the_documents_rule_is_refused_as_a_change_because_a_is_unreachable(policy_officer, scored):
    before = _scores(scored)
    with pytest.raises(InvalidInputError) as error:
        _change(policy_officer, scored, divisor="4", a="24", b="12")
    assert "最高点が20.25点のため、A（24点以上）には該当しません" in error.value.message
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE and scored.score_rule_note == ""
    assert _scores(scored) == before
    assert not AuditEntry.objects.filter(action__in=["plans.score_rule_set", "plans.score_rerank"]).exists()


@pytest.mark.parametrize(
    ("divisor", "a", "b", "message"),
    [
        ("3.38", "24", "18", "最高点が23.96点のため、A（24点以上）には該当しません"),  # 81 ÷ 3.38 rounds to 23.96
        ("4", "18", "18", "A の基準点は B の基準点より大きくしてください"),
        ("4", "12", "15", "A の基準点は B の基準点より大きくしてください"),
        ("4", "20", "19", "B（19点以上20点未満）になる点数がありません"),
        ("4", "20", "0.25", "C（0.25点未満）になる評価がありません"),
        ("0.5", "100", "50", "割る数は1以上81以下で指定してください"),
        ("82", "1", "0.5", "割る数は1以上81以下で指定してください"),
        ("3", "20.005", "10", "999.99までの小数第2位までの数で指定してください"),
        ("NaN", "20", "10", "999.99までの小数第2位までの数で指定してください"),
        ("3", "1e30", "10", "999.99までの小数第2位までの数で指定してください"),
    ],
)
def test_a_rule_that_cannot_give_every_rank_is_refused_and_nothing_changes(
    policy_officer, scored, divisor, a, b, message
):
    before = _scores(scored)
    with pytest.raises(InvalidInputError) as error:
        _change(policy_officer, scored, divisor=divisor, a=a, b=b)
    assert message in error.value.message
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE
    assert _scores(scored) == before
    assert not AuditEntry.objects.filter(action__startswith="plans.score_r").exists()


@pytest.mark.parametrize("note", ["", "  \n"])
def test_the_reason_is_required(policy_officer, scored, note):
    with pytest.raises(InvalidInputError, match="変更の理由を入力してください"):
        _change(policy_officer, scored, divisor="3", note=note)
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE


def test_the_same_rule_again_is_not_a_change(policy_officer, scored):
    _change(policy_officer, scored, divisor="3")
    with pytest.raises(InvalidInputError, match="今と同じです"):
        _change(policy_officer, scored, divisor="3.00", note="もう一度")
    assert AuditEntry.objects.filter(action="plans.score_rule_set").count() == 1


def test_a_changed_formula_re_ranks_every_score_and_keeps_the_marks(policy_officer, scored, window):
    scored_at = PriorityScore.objects.get(initiative=window).scored_at

    changed = _change(policy_officer, scored, divisor="3")

    # ÷3: ◎◎◎◎ 81 → 27 (A), ◎◎◎○ 54 → 18 (B), ◎○○△ 12 → 4 (C)
    assert _scores(scored) == {
        "市民窓口の利便性向上": (Decimal("27.00"), "A"),
        "クラウドの導入": (Decimal("18.00"), "B"),
        "オンライン申請の拡充": (Decimal("4.00"), "C"),
    }
    assert changed == 3
    kept = PriorityScore.objects.get(initiative=window)
    assert (kept.government, kept.quality, kept.cost, kept.delivery) == (3, 3, 3, 3)
    assert (kept.scored_by, kept.scored_at) == (policy_officer, scored_at)
    scored.refresh_from_db()
    assert scored.score_rule == ScoreRule(divisor=Decimal(3), rank_a_from=Decimal(24), rank_b_from=Decimal(18))
    assert scored.score_rule_note == REASON and scored.score_rule_changed_at is not None


def test_changed_thresholds_alone_re_rank_the_scores(policy_officer, scored):
    changed = _change(policy_officer, scored, divisor="4", a="20", b="12")

    assert _scores(scored) == {
        "市民窓口の利便性向上": (Decimal("20.25"), "A"),
        "クラウドの導入": (Decimal("13.50"), "B"),
        "オンライン申請の拡充": (Decimal("3.00"), "C"),
    }
    assert changed == 2  # the third stays C at 3 points: no entry for it


def test_the_change_and_each_re_ranked_score_are_audited(policy_officer, scored, window, departments):
    _change(policy_officer, scored, divisor="4", a="20", b="12")

    rule_entry = AuditEntry.objects.get(action="plans.score_rule_set")
    assert (rule_entry.actor, rule_entry.object_type, rule_entry.object_id) == (
        policy_officer,
        "plans.plan",
        str(scored.pk),
    )
    assert rule_entry.before["rank_a_from"] == "24.00" and rule_entry.after["rank_a_from"] == "20.00"
    assert rule_entry.before["score_rule_note"] == "" and rule_entry.after["score_rule_note"] == REASON
    reranked = {e.object_id: e for e in AuditEntry.objects.filter(action="plans.score_rerank")}
    assert len(reranked) == 2
    entry = reranked[str(PriorityScore.objects.get(initiative=window).pk)]
    assert entry.before == {"score": "20.25", "rank": "B"} and entry.after == {"score": "20.25", "rank": "A"}
    assert entry.department_id == departments["citizens"].pk
    assert all(e.sequence > rule_entry.sequence for e in reranked.values())


def test_scoring_after_a_change_uses_the_new_rule(policy_officer, scored, cloud):
    _change(policy_officer, scored, divisor="3")
    score = services.score_set(
        actor=policy_officer, initiative=cloud, fiscal_year=2025, government=3, quality=3, cost=2, delivery=2
    )
    assert (score.score, score.rank) == (Decimal("12.00"), "C")


def test_department_staff_may_not_change_the_rule(clerk, scored):
    before = _scores(scored)
    with pytest.raises(PermissionDeniedError):
        _change(clerk, scored, divisor="3")
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE
    assert _scores(scored) == before


# --- The console page ---


def _post(client, **data):
    form = {"divisor": "3", "rank_a_from": "24", "rank_b_from": "18", "note": REASON} | data
    return client.post(reverse("console:plans:score_rule"), form)


def test_the_page_shows_the_rule_and_what_scores_it_can_give(policy_officer, scored, as_user):
    page = as_user(policy_officer).get(reverse("console:plans:score_rule")).content.decode()
    assert (
        "優先度＝G×Q×C×D÷4（◎=3、○=2、△=1）。A 最優先：24点以上、B 優先：18点以上24点未満、C 計画変更：18点未満。"
        in page
    )
    assert "この算定式で取りうる点数：0.25、0.5、0.75、1、1.5、2、2.25、3、4、4.5、6、6.75、9、13.5、20.25" in page
    assert 'name="divisor" value="4.00"' in page


def test_the_ict_policy_division_changes_the_rule_and_the_ranking_explains_it(policy_officer, scored, as_user):
    client = as_user(policy_officer)
    response = _post(client)
    assert response.status_code == 302 and response["Location"] == reverse("console:plans:ranking")

    page = client.get(reverse("console:plans:ranking"), {"year": 2024}).content.decode()
    assert "算定式と基準点を変更しました。3件の優先度評価を計算し直しました。" in page
    assert "優先度＝G×Q×C×D÷3（◎=3、○=2、△=1）。A 最優先：24点以上、B 優先：18点以上24点未満" in page
    assert "計画書の算定式（G×Q×C×D÷4、A 24点以上、B 18点以上）から変更しています。" in page
    assert f"理由：{REASON}" in page
    assert "には該当しません" not in page
    assert '<span class="rank rank--A">A 最優先</span>' in page


def test_a_refused_rule_comes_back_with_the_reason_and_changes_nothing(policy_officer, scored, as_user):
    before = _scores(scored)
    response = _post(as_user(policy_officer), divisor="4")
    assert response.status_code == 400
    assert "最高点が20.25点のため、A（24点以上）には該当しません。" in response.content.decode()
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE
    assert _scores(scored) == before


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("resident", 403), ("clerk", 403)])
def test_only_the_ict_policy_division_may_post_to_the_page(request, scored, as_user, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = _post(as_user(user))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("account_login"))
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE


def test_only_editors_see_the_link_to_the_page(clerk, policy_officer, scored, as_user):
    link = reverse("console:plans:score_rule")
    assert link in as_user(policy_officer).get(reverse("console:plans:ranking")).content.decode()
    assert link not in as_user(clerk).get(reverse("console:plans:ranking")).content.decode()


def test_full_width_digits_are_read_and_words_are_refused(policy_officer, scored, as_user):
    client = as_user(policy_officer)
    refused = _post(client, divisor="さん")
    assert refused.status_code == 400
    scored.refresh_from_db()
    assert scored.score_rule == DOCUMENT_RULE
    assert _post(client, divisor="３").status_code == 302
    scored.refresh_from_db()
    assert scored.score_divisor == Decimal(3)
