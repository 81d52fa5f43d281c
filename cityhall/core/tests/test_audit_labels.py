"""Every audit action and object type has a Japanese name; a new action without one fails here.

The actions are found in the source, not in a run: every call of audit_record, audited_update,
audited_object_ids, or of a module's own wrapper with an `action` parameter, in cityhall/ outside
tests and migrations. An action that is not a literal (or a choice between literals) fails too,
because it could not be checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.utils.text import camel_case_to_spaces

from cityhall.core import audit_display

ROOT = Path(__file__).resolve().parents[2]  # cityhall/
AUDIT_CALLS = {"audit_record", "audited_update", "audited_object_ids"}


def _product_files() -> list[Path]:
    return [p for p in sorted(ROOT.rglob("*.py")) if not {"tests", "migrations"} & set(p.parts)]


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def _wrappers(tree: ast.Module) -> dict[str, int | None]:
    """Functions of the module with an `action` parameter: name → its position (None: keyword-only)."""
    found: dict[str, int | None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            positional = [a.arg for a in node.args.posonlyargs + node.args.args]
            if "action" in positional:
                found[node.name] = positional.index("action")
            elif "action" in [a.arg for a in node.args.kwonlyargs]:
                found[node.name] = None
    return found


def _action_argument(call: ast.Call, position: int | None) -> ast.expr | None:
    keyword = next((k.value for k in call.keywords if k.arg == "action"), None)
    if keyword is None and position is not None and len(call.args) > position:
        return call.args[position]
    return keyword


def _literals(expr: ast.expr | None, where: str, found: dict[str, str], unclear: list[str]) -> None:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        found.setdefault(expr.value, where)
    elif isinstance(expr, ast.IfExp):
        _literals(expr.body, where, found, unclear)
        _literals(expr.orelse, where, found, unclear)
    elif not (isinstance(expr, ast.Name) and expr.id == "action"):  # `action` passed on by a wrapper
        unclear.append(where)


def actions_in_source() -> tuple[dict[str, str], list[str]]:
    """(action → where it is first used, places whose action is not a literal)."""
    found: dict[str, str] = {}
    unclear: list[str] = []
    for path in _product_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _wrappers(tree)
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = _callee(call)
            if name in AUDIT_CALLS or name in wrappers:
                where = f"{path.relative_to(ROOT.parent)}:{call.lineno}"
                _literals(_action_argument(call, wrappers.get(name or "")), where, found, unclear)
    return found, unclear


def test_the_source_scan_finds_actions_however_they_are_passed():
    found, _unclear = actions_in_source()
    assert "opendata.version.publish" in found  # audit_record(action=…)
    assert "procedures.submit" in found  # procedures' own _audit(actor, "…", …)
    assert {"staff.activate", "staff.suspend"} <= set(found)  # "…" if is_active else "…"
    assert "committee.member_end" in found  # audited_update(action=…)
    assert "plans.score_rerank" in found


def test_every_action_in_the_code_has_a_japanese_label():
    found, unclear = actions_in_source()
    assert not unclear, "audit actions that are not string literals cannot be checked: " + ", ".join(unclear)
    missing = {action: where for action, where in found.items() if action not in audit_display.labelled_actions()}
    assert not missing, f"label these audit actions in the app's audit_display.py: {missing}"


def test_every_model_of_ours_has_a_japanese_name_in_the_audit_log():
    unnamed = [
        m._meta.label_lower
        for m in apps.get_models()
        if m.__module__.startswith("cityhall.")
        and str(audit_display.object_type_label(m._meta.label_lower))
        in {m._meta.label_lower, camel_case_to_spaces(m.__name__)}
    ]
    assert not unnamed, f"name these object types in the app's audit_display.py: {unnamed}"


def test_labels_follow_the_language():
    from django.utils import translation

    with translation.override("ja"):
        assert str(audit_display.action_label("opendata.version.publish")) == "データセットの版を公開"
        assert str(audit_display.object_type_label("plans.actiontask")) == "実施計画のタスク"


def test_an_unknown_action_or_type_shows_as_recorded():
    assert audit_display.action_label("gone.away") == "gone.away"
    assert audit_display.object_type_label("gone.model") == "gone.model"
    assert audit_display.object_type_label("") == ""
    assert str(audit_display.object_type_label("notifications.outboundemail")) == "送信メール"  # the model's own


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(audit_display, "_actions", {})
    monkeypatch.setattr(audit_display, "_object_types", {})


def test_an_action_may_not_be_labelled_twice_differently(empty_registry):
    audit_display.register_actions({"x.create": "作成"})
    audit_display.register_actions({"x.create": "作成"})  # the same again is harmless
    with pytest.raises(ValueError, match=r"x\.create"):
        audit_display.register_actions({"x.create": "登録"})
    assert audit_display.action_label("x.create") == "作成"


def test_links_ask_each_type_once_and_only_for_what_the_viewer_may_open(empty_registry):
    calls = []

    def resolve(ids, viewer):
        calls.append(sorted(ids))
        return {i: f"/x/{i}/" for i in ids if viewer == "officer"}

    audit_display.register_object_types(
        {"x.thing": audit_display.ObjectType("もの", resolve), "x.plain": audit_display.ObjectType("ただの")}
    )
    pairs = [("x.thing", "1"), ("x.thing", "2"), ("x.thing", "1"), ("x.plain", "3"), ("x.thing", "")]
    assert audit_display.object_links(pairs, "officer") == {("x.thing", "1"): "/x/1/", ("x.thing", "2"): "/x/2/"}
    assert audit_display.object_links(pairs, "clerk") == {}
    assert calls == [["1", "2"], ["1", "2"]]


def test_a_link_per_id_skips_ids_its_url_cannot_take(db):
    resolve = audit_display.link_each("console:plans:initiative", "initiative_id", may_open=lambda viewer: True)
    assert resolve(["7", "x7", ""], None) == {"7": "/console/plans/initiatives/7/"}
    closed = audit_display.link_each("console:plans:initiative", "initiative_id", may_open=lambda viewer: False)
    assert closed(["7"], None) == {}
