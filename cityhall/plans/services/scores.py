"""Scoring initiatives (G・Q・C・D per 年度) and changing the score rule, which re-ranks every score."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, snapshot
from cityhall.core.errors import InvalidInputError
from cityhall.plans.models import Initiative, Plan, PriorityScore
from cityhall.plans.scoring import CENT, ScoreRule
from cityhall.plans.services.plan_rules import check_year, per_period, plan_of, require_editor, saved_at_once


@transaction.atomic
def score_set(
    *,
    actor: Actor,
    initiative: Initiative,
    fiscal_year: int,
    government: int,
    quality: int,
    cost: int,
    delivery: int,
    comment: str = "",
    request: HttpRequest | None = None,
) -> PriorityScore:
    """Score an initiative for a 年度 (G・Q・C・D each 1–3). Re-scoring the same year replaces it.

    Writes one audit entry. Raises PermissionDeniedError, InvalidInputError, ConflictError.
    """
    require_editor(actor)
    values = {"G": government, "Q": quality, "C": cost, "D": delivery}
    wrong = [k for k, v in values.items() if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 3]
    if wrong:
        raise InvalidInputError(f"{'・'.join(wrong)} は ◎（3）・○（2）・△（1）のいずれかで評価してください。")
    # The plan's row lock orders this against a change of the rule (score_rule_set), so no score
    # is computed under a rule that has just been replaced.
    plan = Plan.objects.select_for_update().get(pk=plan_of(initiative).pk)
    check_year(plan, fiscal_year)
    score, rank = plan.score_rule.scored(government, quality, cost, delivery)
    target, before = per_period(PriorityScore, initiative=initiative, fiscal_year=fiscal_year)
    target.government, target.quality, target.cost, target.delivery = government, quality, cost, delivery
    target.score, target.rank, target.comment, target.scored_by = score, rank, comment, actor
    target.scored_at = timezone.now()
    audited_save(
        actor=actor,
        action="plans.score_set",
        target=target,
        before=before,
        conflict=saved_at_once("この年度の優先度評価"),
        department_id=initiative.department_id,
        request=request,
    )
    return target


_SCORE_RULE_FIELDS = ("score_divisor", "rank_a_from", "rank_b_from", "score_rule_note", "score_rule_changed_at")


@transaction.atomic
def score_rule_set(
    *,
    actor: Actor,
    plan: Plan,
    divisor: Decimal,
    rank_a_from: Decimal,
    rank_b_from: Decimal,
    note: str,
    request: HttpRequest | None = None,
) -> int:
    """Change the priority score's divisor and rank thresholds, and re-rank every score of the plan.

    The rule must give each rank to some set of marks (A reachable, B < A, C possible) and `note`
    (the reason) is required. Writes one audit entry for the rule and one for each score whose
    score or rank changes, in this transaction. Returns how many scores changed.
    Raises PermissionDeniedError, InvalidInputError.
    """
    require_editor(actor)
    rule = ScoreRule(divisor=divisor, rank_a_from=rank_a_from, rank_b_from=rank_b_from)
    if not note.strip():
        raise InvalidInputError(_("変更の理由を入力してください。"))
    problems = rule.problems()
    if problems:
        raise InvalidInputError(" ".join(problems))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.score_rule == rule:
        raise InvalidInputError(_("算定式と基準点が今と同じです。変更する値を入力してください。"))
    before = snapshot(plan, _SCORE_RULE_FIELDS)
    # Stored as the columns hold them (4 → 4.00), so the audit entry's "after" reads like its "before".
    plan.score_divisor, plan.rank_a_from, plan.rank_b_from = (
        v.quantize(CENT) for v in (divisor, rank_a_from, rank_b_from)
    )
    plan.score_rule_note, plan.score_rule_changed_at = note.strip(), timezone.now()
    plan.save(update_fields=list(_SCORE_RULE_FIELDS))
    after = snapshot(plan, _SCORE_RULE_FIELDS)
    audit_record(actor=actor, action="plans.score_rule_set", target=plan, before=before, after=after, request=request)
    return _rerank(actor=actor, plan=plan, request=request)


def _rerank(*, actor: Actor, plan: Plan, request: HttpRequest | None) -> int:
    """Recompute the stored score and rank of every score of the plan under its current rule.

    The marks (G・Q・C・D) and who scored them stay; each score that changes gets an audit entry
    with its earlier score and rank, under the initiative's department.
    """
    rule, changed = plan.score_rule, 0
    scores = PriorityScore.objects.select_for_update().filter(initiative__field__pillar__plan=plan)
    for item in scores.select_related("initiative").order_by("pk"):
        score, rank = rule.scored(item.government, item.quality, item.cost, item.delivery)
        if (score, rank) == (item.score, item.rank):
            continue
        before = snapshot(item, ("score", "rank"))
        item.score, item.rank = score, rank
        item.save(update_fields=["score", "rank"])
        audit_record(
            actor=actor,
            action="plans.score_rerank",
            target=item,
            before=before,
            after=snapshot(item, ("score", "rank")),
            department_id=item.initiative.department_id,
            request=request,
        )
        changed += 1
    return changed
