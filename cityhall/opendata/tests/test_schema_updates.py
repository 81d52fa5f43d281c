"""A revised reference JSON is taken in without losing the corrections staff made in the console."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cityhall.core.models import AuditEntry
from cityhall.opendata import services
from cityhall.opendata.models import SchemaDefinition
from cityhall.opendata.validation import REFERENCE_JSON

pytestmark = pytest.mark.django_db


def _revised(tmp_path, change):
    data = json.loads(REFERENCE_JSON.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "revised.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_new_and_revised_definitions_come_in_and_staff_corrections_stay(tmp_path, policy_officer):
    corrected = SchemaDefinition.objects.get(key="aed_installations")
    services.schema_save(
        actor=policy_officer,
        definition=corrected,
        data={"columns": [*corrected.columns, {"name": "備考2", "type": "string"}]},
    )

    def change(data):
        data["public_toilets"]["columns"][3]["description"] = "改訂された説明"
        data["aed_installations"]["columns"][0]["description"] = "改訂"
        data["parks"] = {"name_ja": "公園一覧", "edition": "current", "columns": [{"name": "名称", "type": "string"}]}

    out = StringIO()
    call_command("opendata_schemas", str(_revised(tmp_path, change)), stdout=out)
    assert "追加 1・更新 1" in out.getvalue() and "保持: aed_installations" in out.getvalue()
    assert SchemaDefinition.objects.get(key="parks").name_ja == "公園一覧"
    assert SchemaDefinition.objects.get(key="public_toilets").columns[3]["description"] == "改訂された説明"
    assert SchemaDefinition.objects.get(key="aed_installations").columns[-1]["name"] == "備考2"
    assert AuditEntry.objects.filter(action="opendata.schema.create", actor__isnull=True).count() == 1

    call_command("opendata_schemas", str(_revised(tmp_path, change)), "--replace", stdout=StringIO())
    assert SchemaDefinition.objects.get(key="aed_installations").columns[0]["description"] == "改訂"


def test_a_broken_file_changes_nothing(tmp_path):
    def change(data):
        data["public_toilets"]["columns"][0]["description"] = "変更"
        data["broken"] = {"name_ja": "壊れた定義", "edition": "current", "columns": [{"name": ""}]}

    before = SchemaDefinition.objects.count()
    with pytest.raises(CommandError, match="name か type"):
        call_command("opendata_schemas", str(_revised(tmp_path, change)), stdout=StringIO())
    assert SchemaDefinition.objects.count() == before
    assert SchemaDefinition.objects.get(key="public_toilets").columns[0].get("description") != "変更"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="読み込めません"):
        call_command("opendata_schemas", str(bad), stdout=StringIO())


def test_the_shipped_reference_is_already_loaded():
    out = StringIO()
    call_command("opendata_schemas", stdout=out)
    assert out.getvalue().startswith("追加 0・更新 0・変更なし 21")


def test_a_revised_standard_keeps_the_synonyms_staff_edited_even_with_replace(tmp_path, policy_officer):
    definition = SchemaDefinition.objects.get(key="public_toilets_legacy")
    assert definition.columns[0]["synonyms"][0] == "市区町村コード"  # seeded by migration
    columns = [{**definition.columns[0], "synonyms": ["市町村コード"]}, *definition.columns[1:]]
    services.schema_save(actor=policy_officer, definition=definition, data={"columns": columns})

    def change(data):
        data["public_toilets_legacy"]["columns"][0]["description"] = "改訂"
        data["public_toilets_legacy"]["columns"].append({"name": "授乳室有無", "type": "string"})

    out = StringIO()
    call_command("opendata_schemas", str(_revised(tmp_path, change)), stdout=out)
    updated = SchemaDefinition.objects.get(key="public_toilets_legacy")
    # Only synonyms were edited: not a correction, so the revision comes in, and the synonyms stay.
    assert "保持 0" in out.getvalue()
    assert updated.columns[0]["description"] == "改訂"
    assert updated.columns[0]["synonyms"] == ["市町村コード"]
    assert updated.columns[-1]["name"] == "授乳室有無"

    services.schema_save(  # a real correction, then --replace
        actor=policy_officer,
        definition=updated,
        data={"columns": [{**updated.columns[0], "type": "string"}, *updated.columns[1:]]},
    )
    call_command("opendata_schemas", str(_revised(tmp_path, change)), "--replace", stdout=StringIO())
    replaced = SchemaDefinition.objects.get(key="public_toilets_legacy")
    assert replaced.columns[0]["type"] == "code" and replaced.columns[0]["synonyms"] == ["市町村コード"]


def test_a_definition_new_to_the_database_gets_the_seeded_synonyms(tmp_path):
    def change(data):
        data["parks_legacy"] = {
            "name_ja": "公園一覧",
            "edition": "legacy",
            "columns": [
                {"name": "都道府県コード又は市区町村コード", "type": "code"},
                {"name": "名称", "type": "string"},
            ],
        }

    call_command("opendata_schemas", str(_revised(tmp_path, change)), stdout=StringIO())
    columns = SchemaDefinition.objects.get(key="parks_legacy").columns
    assert "市区町村コード" in columns[0]["synonyms"] and "synonyms" not in columns[1]
