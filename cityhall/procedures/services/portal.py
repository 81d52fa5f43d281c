"""Portal administration (情報政策課 only): synonyms and life-event rules."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, snapshot
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.procedures.models import LifeEvent, LifeEventRule, Procedure, Synonym
from cityhall.procedures.permissions import is_admin
from cityhall.procedures.services.versions import catalog_changed


def _require_admin(actor: Actor) -> None:
    if not is_admin(actor):
        raise PermissionDeniedError("この操作は情報政策課のみ行えます。")


@transaction.atomic
def synonym_save(*, actor: Actor, synonym: Synonym | None, words: str, request: HttpRequest | None = None) -> Synonym:
    """Add a synonym group, or change `synonym`; the search index is rebuilt. Audited.

    Raises PermissionDeniedError, InvalidInputError (fewer than two words).
    """
    _require_admin(actor)
    target = synonym or Synonym()
    before = snapshot(synonym) if synonym else None
    target.words = words.strip()
    if len(target.terms()) < 2:
        raise InvalidInputError("同義語は2語以上を「;」または「、」で区切って入力してください。")
    audited_save(actor=actor, action="procedures.synonym_save", target=target, before=before, request=request)
    catalog_changed()
    return target


@transaction.atomic
def synonym_delete(*, actor: Actor, synonym: Synonym, request: HttpRequest | None = None) -> None:
    """Delete a synonym group; the search index is rebuilt. Audited. Raises PermissionDeniedError."""
    _require_admin(actor)
    audit_record(
        actor=actor, action="procedures.synonym_delete", target=synonym, before=snapshot(synonym), request=request
    )
    synonym.delete()
    catalog_changed()


def _check_conditions(event: LifeEvent, conditions: dict[str, list[str]]) -> None:
    questions = {q.key: {str(c[0]) for c in q.choices} for q in event.questions.all()}
    for key, values in conditions.items():
        if key not in questions:
            raise InvalidInputError(f"質問「{key}」はこのライフイベントにありません。")
        unknown = [v for v in values if v not in questions[key]]
        if unknown or not values:
            raise InvalidInputError(f"質問「{key}」の選択肢の指定が正しくありません。")


@transaction.atomic
def rule_save(
    *,
    actor: Actor,
    event: LifeEvent,
    rule: LifeEventRule | None,
    procedure: Procedure,
    conditions: dict[str, list[str]],
    note: str = "",
    order: int = 0,
    request: HttpRequest | None = None,
) -> LifeEventRule:
    """Add or change a life-event rule; conditions must name the event's questions and their choices.

    Audited. Raises PermissionDeniedError, InvalidInputError.
    """
    _require_admin(actor)
    _check_conditions(event, conditions)
    target = rule or LifeEventRule(event=event)
    before = snapshot(rule) if rule else None
    target.procedure, target.conditions, target.note, target.order = procedure, conditions, note.strip(), order
    audited_save(actor=actor, action="procedures.rule_save", target=target, before=before, request=request)
    return target


@transaction.atomic
def rule_delete(*, actor: Actor, rule: LifeEventRule, request: HttpRequest | None = None) -> None:
    """Delete a life-event rule. Audited. Raises PermissionDeniedError."""
    _require_admin(actor)
    audit_record(actor=actor, action="procedures.rule_delete", target=rule, before=snapshot(rule), request=request)
    rule.delete()
