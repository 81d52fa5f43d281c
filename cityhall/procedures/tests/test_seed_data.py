"""Consistency of the procedures guide's demo content (data/*.yaml, read through demo.py). No database."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pydantic import ValidationError

from cityhall.accounts import demo as demo_city
from cityhall.procedures import demo
from cityhall.procedures.models import Category, Channel

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KANA = re.compile(r"^[\u3041-\u3096ー ]+$")  # hiragana, long-vowel mark and ASCII space only
DEPARTMENT_NAMES = {unit.code: unit.name for unit in demo_city.city().divisions()}
ALL_PROCEDURES = demo.procedures()
LIFE_EVENTS = demo.life_events()
SYNONYMS = demo.synonyms()
DEPARTMENT_PAGES = demo.department_pages()
PROCEDURES = {p.slug: p for p in ALL_PROCEDURES}
EVENTS = {e.slug: e for e in LIFE_EVENTS}


def test_there_are_enough_procedures_with_unique_kebab_case_slugs():
    slugs = [p.slug for p in ALL_PROCEDURES]
    assert len(slugs) >= 60
    assert [s for s, n in Counter(slugs).items() if n > 1] == []
    for slug in slugs:
        assert slug.isascii() and SLUG.match(slug) and len(slug) <= 80, slug


def test_only_the_resident_record_copy_has_juminhyo_in_its_slug():
    # test_public_pages looks the page up with slug__contains="juminhyo".
    assert [s for s in PROCEDURES if "juminhyo" in s] == ["juminhyo-copy"]


def test_related_slugs_exist():
    for procedure in ALL_PROCEDURES:
        for other in procedure.related:
            assert other in PROCEDURES, (procedure.slug, other)
            assert other != procedure.slug, procedure.slug
        assert len(set(procedure.related)) == len(procedure.related), procedure.slug


def test_categories_are_valid_and_each_has_at_least_three_procedures():
    counts = Counter(p.category for p in ALL_PROCEDURES)
    assert set(counts) <= set(Category.values)
    for category in Category.values:
        assert counts[category] >= 3, category


def test_departments_exist_in_the_demo_city():
    for procedure in ALL_PROCEDURES:
        assert procedure.department_code in DEPARTMENT_NAMES, procedure.slug
    for code in DEPARTMENT_PAGES:
        assert code in DEPARTMENT_NAMES, code


def test_every_used_department_has_a_page_and_its_counter_names_it():
    used = {p.department_code for p in ALL_PROCEDURES}
    assert used <= set(DEPARTMENT_PAGES)
    for procedure in ALL_PROCEDURES:
        if procedure.slug == "konbini-kofu":
            continue  # issued at convenience stores; the counter names 市民課 for PIN problems
        assert DEPARTMENT_NAMES[procedure.department_code] in procedure.counter, procedure.slug


def test_channels_are_valid_recommended_first_and_not_repeated():
    for procedure in ALL_PROCEDURES:
        kinds = [channel.kind for channel in procedure.channels]
        assert kinds, procedure.slug
        assert set(kinds) <= set(Channel.values), procedure.slug
        assert len(set(kinds)) == len(kinds), procedure.slug
        for channel in procedure.channels:
            assert channel.note.strip() and len(channel.note) <= 300, procedure.slug


def test_konbini_is_offered_only_with_a_mynumber_card():
    for procedure in ALL_PROCEDURES:
        for channel in procedure.channels:
            if channel.kind == "konbini":
                assert "マイナンバーカード" in channel.note + procedure.summary, procedure.slug


def test_title_kana_is_hiragana():
    for procedure in ALL_PROCEDURES:
        assert KANA.match(procedure.title_kana), (procedure.slug, procedure.title_kana)
        assert procedure.title_kana == procedure.title_kana.strip(), procedure.slug
        assert "  " not in procedure.title_kana, procedure.slug


def test_texts_are_present_and_fit_the_model_fields():
    limits = {
        "title": 120,
        "title_kana": 200,
        "fee": 200,
        "deadline": 200,
        "processing_time": 200,
        "counter": 200,
        "keywords": 300,
    }
    for procedure in ALL_PROCEDURES:
        for name, limit in limits.items():
            assert len(getattr(procedure, name)) <= limit, (procedure.slug, name)
        for name in ("title", "summary", "eligibility", "fee", "deadline", "counter", "keywords"):
            assert getattr(procedure, name).strip(), (procedure.slug, name)
        assert procedure.documents and all(d.strip() and "\n" not in d for d in procedure.documents), procedure.slug


def test_life_events_have_valid_questions():
    assert len(EVENTS) == len(LIFE_EVENTS)
    for event in LIFE_EVENTS:
        assert SLUG.match(event.slug) and len(event.slug) <= 40, event.slug
        assert len(event.title) <= 60 and len(event.description) <= 200, event.slug
        keys = [q.key for q in event.questions]
        assert len(set(keys)) == len(keys), event.slug
        for question in event.questions:
            assert re.match(r"^[a-z0-9_]+$", question.key) and len(question.key) <= 40, question.key
            assert len(question.text) <= 200
            values = [value for value, _label in question.choices]
            assert len(values) >= 2 and len(set(values)) == len(values), (event.slug, question.key)


def test_rules_refer_to_existing_procedures_questions_and_choices():
    for event in LIFE_EVENTS:
        choices = {q.key: {value for value, _label in q.choices} for q in event.questions}
        assert event.rules, event.slug
        for rule in event.rules:
            assert rule.procedure in PROCEDURES, (event.slug, rule.procedure)
            assert len(rule.note) <= 200, (event.slug, rule.procedure)
            for key, allowed in rule.conditions.items():
                assert key in choices, (event.slug, rule.procedure, key)
                assert allowed, (event.slug, rule.procedure, key)
                assert set(allowed) <= choices[key], (event.slug, rule.procedure, key, allowed)


@pytest.mark.parametrize(
    "slug",
    ["moving-in", "moving-out", "birth", "marriage", "bereavement", "certificates", "facilities", "waste", "disaster"],
)
def test_the_life_events_exist(slug):
    assert slug in EVENTS


def test_moving_in_always_lists_the_moving_in_notification():
    always = {r.procedure for r in EVENTS["moving-in"].rules if not r.conditions}
    assert {"tennyu", "mynumber-card-henko", "suido-kaishi"} <= always


def test_bereavement_always_lists_the_death_notification():
    always = {r.procedure for r in EVENTS["bereavement"].rules if not r.conditions}
    assert {"shibo", "okuyami-yoyaku"} <= always


def test_synonym_groups():
    assert len(SYNONYMS) >= 25
    for group in SYNONYMS:
        assert len(group) >= 2 and len(set(group)) == len(group), group
        assert len(";".join(group)) <= 300, group
        for word in group:
            assert word.strip() == word and word and not set(word) & set(",、;"), group


def test_department_pages_fit_the_model_fields():
    for code, page in DEPARTMENT_PAGES.items():
        assert page.introduction.strip(), code
        assert len(page.hours_note) <= 200, code


def test_an_unquoted_yes_in_a_data_file_is_refused_not_read_as_true():
    # YAML reads a bare yes/no as a boolean; the str fields of the shapes refuse it.
    with pytest.raises(ValidationError):
        demo.QuestionSeed.model_validate({"key": "dog", "text": "犬を飼っていますか。", "choices": [[True, "はい"]]})
    with pytest.raises(ValidationError):
        demo.RuleSeed.model_validate({"procedure": "inu-toroku", "conditions": {"dog": [True]}})
