"""The upload → check → fix → publish use cases on files shaped like other municipalities' (files/), against the
real database: nothing a fix adds may mean something, and what staff confirm is recorded."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cityhall.core.errors import ConflictError, InvalidInputError
from cityhall.core.models import AuditEntry
from cityhall.opendata import selectors, services
from cityhall.opendata.models import Dataset, SchemaDefinition, Upload
from cityhall.opendata.tests.conftest import publish, toilets_csv

pytestmark = pytest.mark.django_db
FILES = Path(__file__).resolve().parent / "files"
HAZARDS = [
    "災害種別_洪水",
    "災害種別_崖崩れ、土石流及び地滑り",
    "災害種別_高潮",
    "災害種別_地震",
    "災害種別_津波",
    "災害種別_大規模な火事",
    "災害種別_内水氾濫",
    "災害種別_火山現象",
]


def send(actor: Any, dataset: Dataset, name: str) -> Upload:
    data = (FILES / name).read_bytes()
    created = services.upload_create(actor=actor, dataset=dataset, file=SimpleUploadedFile(name, data, "text/csv"))
    return selectors.upload_get(upload_id=created.pk)


def fix_all(actor: Any, item: Upload) -> Upload:
    services.upload_apply_fixes(actor=actor, upload=item, codes=None, revision=item.revision)
    return selectors.upload_get(upload_id=item.pk)


def work_rows(item: Upload) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(selectors.upload_work_text(item), newline="")))


@pytest.fixture
def evacuation(clerk: Any, departments: Any, area: None) -> Dataset:
    return services.dataset_create(
        actor=clerk,
        slug="evacuation-sites",
        title="指定緊急避難場所一覧",
        department=departments["citizens"],
        schema=SchemaDefinition.objects.get(key="designated_emergency_evacuation_sites"),
    )


def test_fix_all_keeps_one_blocking_problem_per_missing_hazard_column(clerk, evacuation):
    item = send(clerk, evacuation, "evacuation_sites_without_hazard_columns.csv")
    assert item.counts == {"missing_column": len(HAZARDS)}

    fixed = fix_all(clerk, item)

    assert fixed.status == Upload.Status.CHECKED
    assert fixed.counts == {"flag_unknown": len(HAZARDS)}
    assert fixed.columns_to_confirm == HAZARDS
    assert {row[name] for row in work_rows(fixed) for name in HAZARDS} == {"不明"}
    with pytest.raises(InvalidInputError, match="問題が8件残っています"):
        services.upload_publish(actor=clerk, upload=fixed)


def test_staff_confirm_unknown_columns_with_a_reason_that_stays_with_the_published_version(clerk, evacuation, client):
    item = fix_all(clerk, send(clerk, evacuation, "evacuation_sites_without_hazard_columns.csv"))
    services.upload_confirm_unknown(
        actor=clerk, upload=item, columns=["災害種別_火山現象"], reason="市内に火山はない", revision=item.revision
    )
    item = selectors.upload_get(upload_id=item.pk)
    assert item.counts == {"flag_unknown": len(HAZARDS) - 1}
    assert {row["災害種別_火山現象"] for row in work_rows(item)} == {""}
    assert item.confirmations[0]["columns"] == ["災害種別_火山現象"]
    assert item.confirmations[0]["reason"] == "市内に火山はない" and item.confirmations[0]["by"] == clerk.email
    entry = AuditEntry.objects.get(action="opendata.upload.confirm")
    assert entry.after["columns"] == ["災害種別_火山現象"] and entry.after["reason"] == "市内に火山はない"

    rest = [name for name in HAZARDS if name != "災害種別_火山現象"]
    services.upload_confirm_unknown(
        actor=clerk, upload=item, columns=rest, reason="地域防災計画で該当なしを確認", revision=item.revision
    )
    item = selectors.upload_get(upload_id=item.pk)
    assert item.counts == {} and item.can_publish
    publish(clerk, item)

    page = client.get(f"/opendata/dataset/{evacuation.slug}/").content.decode()
    assert "市内に火山はない" in page and "地域防災計画で該当なしを確認" in page
    assert "災害種別_火山現象：元のファイルになかった列" in page


@pytest.mark.parametrize(
    ("columns", "reason", "message"),
    [
        (["災害種別_洪水"], "  ", "理由を入力"),
        ([], "確認済み", "確認する列を選んで"),
        (["名称"], "確認済み", "確認する列を選んで"),  # not an unknown column
        (["災害種別_洪水"], "あ" * 201, "200文字以内"),
    ],
)
def test_a_confirmation_without_a_reason_or_for_another_column_changes_nothing(
    clerk, evacuation, columns, reason, message
):
    item = fix_all(clerk, send(clerk, evacuation, "evacuation_sites_without_hazard_columns.csv"))
    with pytest.raises(InvalidInputError, match=message):
        services.upload_confirm_unknown(
            actor=clerk, upload=item, columns=columns, reason=reason, revision=item.revision
        )
    after = selectors.upload_get(upload_id=item.pk)
    assert (after.revision, after.confirmations, after.counts) == (item.revision, [], item.counts)
    assert not AuditEntry.objects.filter(action="opendata.upload.confirm").exists()


def test_a_confirmation_from_a_stale_page_is_refused(clerk, evacuation):
    item = fix_all(clerk, send(clerk, evacuation, "evacuation_sites_without_hazard_columns.csv"))
    with pytest.raises(ConflictError):
        services.upload_confirm_unknown(
            actor=clerk, upload=item, columns=["災害種別_洪水"], reason="確認済み", revision=item.revision - 1
        )


def test_the_upload_page_offers_to_add_missing_columns_even_when_nothing_else_can_be_fixed(as_user, clerk, evacuation):
    item = send(clerk, evacuation, "evacuation_sites_without_hazard_columns.csv")
    assert item.fixable == {}
    page = as_user(clerk).get(f"/console/opendata/uploads/{item.pk}/").content.decode()
    assert "自動で直せる問題をすべて直す" in page and "「不明」として列を追加します" in page


def test_the_upload_page_offers_the_confirmation_and_records_it(as_user, clerk, evacuation):
    item = fix_all(clerk, send(clerk, evacuation, "evacuation_sites_without_hazard_columns.csv"))
    client = as_user(clerk)
    page = client.get(f"/console/opendata/uploads/{item.pk}/").content.decode()
    assert "値が「不明」の列" in page and 'value="災害種別_津波"' in page

    response = client.post(
        f"/console/opendata/uploads/{item.pk}/confirm/",
        {"revision": item.revision, "column": ["災害種別_津波"], "reason": "沿岸部がない"},
    )
    assert response.status_code == 302
    item = selectors.upload_get(upload_id=item.pk)
    assert item.confirmations[0]["reason"] == "沿岸部がない"
    assert "災害種別_津波" not in item.columns_to_confirm


# ------------------------------------------------------------------------------------------ header synonyms

LEGACY_CODE = "都道府県コード又は市区町村コード"


@pytest.mark.parametrize("name", ["toilets_legacy_city_code_cp932.csv", "toilets_legacy_numbered_english_headers.csv"])
def test_a_fix_never_moves_codes_into_a_trailing_extra_column(clerk, toilets, name):
    item = send(clerk, toilets, name)
    assert item.schema_key == "public_toilets_legacy"
    assert item.unknown_columns == []

    fixed = fix_all(clerk, item)

    rows = work_rows(fixed)
    header = list(rows[0])
    assert header[0] == LEGACY_CODE and header[-1] == "備考"  # the standard's last column, nothing after it
    assert [row[LEGACY_CODE] for row in rows] == ["092100"] * 3


def _column(definition: SchemaDefinition, name: str) -> dict[str, Any]:
    return next(c for c in definition.columns if c["name"] == name)


def _edit(actor: Any, key: str, name: str, synonyms: list[str]) -> SchemaDefinition:
    definition = SchemaDefinition.objects.get(key=key)
    columns = [{**c, "synonyms": synonyms} if c["name"] == name else c for c in definition.columns]
    return services.schema_save(actor=actor, definition=definition, data={"columns": columns})


def test_staff_add_a_synonym_and_the_next_upload_reads_the_column_by_it(clerk, policy_officer, toilets):
    text = "施設名,所在地_連結表記,設置位置\r\n駅前トイレ,栃木県大田原市本町1-1,駅前\r\n"
    before = services.upload_create(
        actor=clerk, dataset=toilets, file=SimpleUploadedFile("a.csv", text.encode(), "text/csv")
    )
    assert before.unknown_columns == ["施設名"] and before.counts == {"missing_column": 1}

    _edit(policy_officer, "public_toilets", "名称", ["施設名"])

    after = services.upload_create(
        actor=clerk, dataset=toilets, file=SimpleUploadedFile("a.csv", text.encode(), "text/csv")
    )
    assert after.unknown_columns == [] and after.counts == {}
    assert AuditEntry.objects.filter(action="opendata.schema.synonyms", actor=policy_officer).count() == 1


def test_a_synonym_that_names_another_column_is_refused_and_changes_nothing(policy_officer):
    before = SchemaDefinition.objects.get(key="public_toilets").columns
    with pytest.raises(InvalidInputError, match="別名「ID」は項目「ID」と「名称」の両方を指します"):
        _edit(policy_officer, "public_toilets", "名称", ["施設名", "ID"])
    with pytest.raises(InvalidInputError, match="別名「longitude」"):  # another column's physical name
        _edit(policy_officer, "public_toilets", "名称", ["longitude"])
    assert SchemaDefinition.objects.get(key="public_toilets").columns == before


def test_the_schema_console_edits_synonyms(as_user, policy_officer):
    definition = SchemaDefinition.objects.get(key="public_toilets_legacy")
    staff = as_user(policy_officer)
    page = staff.get(f"/console/opendata/schemas/{definition.key}/").content.decode()
    assert "市区町村コード\n都道府県コード" in page  # the seeded synonyms, editable
    data = {"name_ja": definition.name_ja, "edition": "legacy", "source": definition.source, "is_active": "on"}
    count = str(len(definition.columns))
    data |= {"col-TOTAL_FORMS": count, "col-INITIAL_FORMS": count}  # as the page renders them
    for i, column in enumerate(definition.columns):
        data |= {f"col-{i}-name": column["name"], f"col-{i}-type": column["type"]}
        data[f"col-{i}-synonyms"] = "\n".join(column.get("synonyms", []))
        if column.get("required"):
            data[f"col-{i}-required"] = "on"
        for key in ("format", "physical_name", "english_name"):
            data[f"col-{i}-{key}"] = column.get(key) or ""
    data["col-0-synonyms"] = "市町村コード\n 1.団体コード \n"
    assert staff.post(f"/console/opendata/schemas/{definition.key}/", data).status_code == 302
    assert _column(SchemaDefinition.objects.get(key=definition.key), LEGACY_CODE)["synonyms"] == [
        "市町村コード",
        "1.団体コード",
    ]
    assert AuditEntry.objects.filter(action="opendata.schema.synonyms").count() == 1


# ------------------------------------------------------------------------------------------ rows after the table


def test_empty_rows_and_a_footer_are_dropped_with_a_note_the_clerk_sees(as_user, clerk, toilets):
    item = send(clerk, toilets, "toilets_footer_and_empty_rows_cp932.csv")
    assert item.counts == {} and item.rows == 3
    assert any("Ver202204" in note for note in item.notes)
    assert len(work_rows(item)) == 3
    page = as_user(clerk).get(f"/console/opendata/uploads/{item.pk}/").content.decode()
    assert "読み込みで除いた行" in page and "空の行（3行）" in page

    fixed = fix_all(clerk, send(clerk, toilets, "toilets_footer_and_empty_rows_cp932.csv"))
    assert fixed.notes == item.notes  # a fix of the working copy keeps what the first reading noted


# ------------------------------------------------------------------------------------------ blank column names


def test_blank_column_names_block_publishing_until_named_or_removed(clerk, toilets, departments):
    item = send(clerk, toilets, "toilets_blank_headers.csv")
    assert item.counts == {"header_blank": 3} and item.fixable == {"header_blank": 2}
    with pytest.raises(InvalidInputError):
        services.upload_publish(actor=clerk, upload=item)
    fixed = fix_all(clerk, item)
    assert fixed.counts == {"header_blank": 1}  # the column holding notes needs a name from a person

    generic = services.dataset_create(actor=clerk, slug="memo", title="メモ", department=departments["citizens"])
    assert send(clerk, generic, "toilets_blank_headers.csv").counts == {"header_blank": 3}


# ------------------------------------------------------------------------------------------ text cells


@pytest.mark.parametrize(
    ("name", "code", "count"),
    [
        ("toilets_tabs_and_trailing_spaces.csv", "text_whitespace", 4),
        ("toilets_halfwidth_kana_cp932.csv", "kana_halfwidth", 3),
    ],
)
def test_tabs_trailing_spaces_and_half_width_kana_are_fixed_by_their_button(clerk, toilets, name, code, count):
    item = send(clerk, toilets, name)
    assert item.counts == {code: count} and item.fixable == {code: count}
    services.upload_apply_fixes(actor=clerk, upload=item, codes=[code], revision=item.revision)
    assert selectors.upload_get(upload_id=item.pk).can_publish


# ------------------------------------------------------------------------------------------ another municipality


def test_the_site_municipalitys_code_is_the_one_expected(clerk, toilets, municipality):
    item = send(clerk, toilets, "toilets_other_municipality_code.csv")
    assert municipality.code == "092100"
    assert item.counts == {"code6_other_municipality": 2} and item.fixable == {}


# ------------------------------------------------------------------------------------------ totals


def test_totals_that_are_not_the_sum_of_their_kinds_block_publishing(clerk, toilets):
    item = send(clerk, toilets, "toilets_wrong_totals.csv")
    assert item.counts == {"total_mismatch": 3} and item.fixable == {}
    with pytest.raises(InvalidInputError, match="問題が3件残っています"):
        services.upload_publish(actor=clerk, upload=item)


# ------------------------------------------------------------------------------------------ published metadata


def _conforms_to(client: Any, slug: str) -> str:
    from rdflib import Graph
    from rdflib.namespace import DCTERMS

    graph = Graph().parse(data=client.get(f"/opendata/dataset/{slug}.ttl").content.decode(), format="turtle")
    standard = next(graph.objects(None, DCTERMS.conformsTo))
    return str(graph.value(standard, DCTERMS.identifier))


def _extras(client: Any, slug: str) -> dict[str, str]:
    package = client.get(f"/api/3/action/package_show?id={slug}").json()["result"]
    return {extra["key"]: extra["value"] for extra in package["extras"]}


def test_published_metadata_names_the_layout_the_file_has(client, clerk, toilets):
    assert toilets.schema is not None and toilets.schema.key == "public_toilets"  # created as the current one
    publish(clerk, send(clerk, toilets, "toilets_legacy_layout.csv"))

    extras = _extras(client, toilets.slug)
    assert extras["standard_dataset_key"] == "public_toilets_legacy"
    assert extras["standard_dataset_edition"] == "legacy"
    assert _conforms_to(client, toilets.slug) == "public_toilets_legacy"
    assert "旧（推奨データセット）" in client.get(f"/opendata/dataset/{toilets.slug}/").content.decode()

    item = services.upload_create(
        actor=clerk, dataset=toilets, file=SimpleUploadedFile("t.csv", toilets_csv(2).encode(), "text/csv")
    )
    publish(clerk, selectors.upload_get(upload_id=item.pk))
    assert _extras(client, toilets.slug)["standard_dataset_key"] == "public_toilets"
    assert _conforms_to(client, toilets.slug) == "public_toilets"


def test_a_workbook_with_a_version_stamp_below_the_table_is_read_without_it(clerk, toilets):
    from cityhall.opendata.tests.test_validation_upload import _xlsx

    header = ["全国地方公共団体コード", "ID", "名称", "所在地_連結表記", "設置位置"]
    rows = [header, ["092100", "T1", "駅前トイレ", "栃木県大田原市本町1-1", "入口横"], [None] * 5, ["Ver202204"]]
    data = _xlsx(rows)
    created = services.upload_create(
        actor=clerk, dataset=toilets, file=SimpleUploadedFile("toilets.xlsx", data, "application/octet-stream")
    )
    item = selectors.upload_get(upload_id=created.pk)
    assert item.counts == {} and item.rows == 1
    assert item.notes == [
        "ファイルの末尾にある空の行（1行）はデータではないため除きました。",
        "ファイルの末尾にある「Ver202204」の行は表の外の注記のため、データに含めず除きました。"
        "利用者に伝えたい内容なら、データセットの説明か公開時のメモに書いてください。",
    ]
