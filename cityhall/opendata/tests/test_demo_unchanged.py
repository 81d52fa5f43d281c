"""The demo catalogue is the same since its content moved to YAML (data/demo_*.yaml): the same bytes published.

The hashes were taken from the demo as it was before the move (demo_data.py with Python tables); a change to
the data files or the generators that changes a published file fails here, on purpose.
"""

from __future__ import annotations

import hashlib

import pytest
from django.core.management import call_command

from cityhall.opendata.demo.catalogue import DATASETS, GROUPS
from cityhall.opendata.demo.messy import messy_upload
from cityhall.opendata.models import CatalogSettings, Dataset, Group, Resource, UsageDaily

# The published CSV of each demo dataset (UTF-8 with BOM, CRLF), as the demo command leaves it.
PUBLISHED_CSV_SHA256 = {
    "aed": "9717cb06fd8197f3d6c08c5a6dfb2429aff5aa45dba392caf03710e1475b5f56",
    "care-service-providers": "c262c7860007425ad33f48e40b522ba248bddbf3abb3b299d3bec9e78881b161",
    "childcare-facilities": "6ff1f5b8bd80c446aa49f1f3c4f4984f9ad8d46bc401097a6b2748b4f0f9cc9a",
    "cultural-properties": "e8698de36d6c51dff2ea474a053b713b2690ab2010c3df54efb69a2cbab851bf",
    "evacuation-sites": "ac6efc742a4ab6a3666b363f0e7e22e0970276f0c1dcf1582c4762650d49a6a9",
    "events": "bfe70427801ffabdabfbaa6aa2099f5d3632820d9dd6c0a1e3c3acf9b058525c",
    "fire-water-facilities": "a5107e31a5158353df1548560fd3fac571cb51558eeceec6cd12b8fc62078d50",
    "food-business-permits": "ce9d9e815876d77dfcb994ef2bbd02f3797a0771de1b896e2c184f92a93503fd",
    "medical-institutions": "1709999f98ac944d9304565ba7fa43c24ef52e399c84ad7360dbc0fba7ddb1f0",
    "open-data-catalog": "6ca6c869327484465c36c18d6e7aa8135567ca29228adb6b4420a4d8f474b442",
    "population": "0c6c5eac7b1cf5785c13c64d8721fbbf82f66e3a3b7e9c08389df7d55000ba2e",
    "public-facilities": "d6385073c7cc3cbbd5ba8103c7eabb96012533fa3e101577a96382a381502efc",
    "public-toilets": "0f38a2afeefd666e3e6b04664aa14ec7b20b2443cd8fa1abded05149c80ec2fc",
    "public-wifi": "a67979cce1607d9872fcbe23afdf37e6a331b7f970e2d1aa04f1d5ab0260e96d",
    "tourist-facilities": "c6fefd78c4f4328cc6eec7b6e5b964e7ae787191e7cf75eb21b6a9d56bff2b22",
    "waste-sorting": "f36c13407b6dee8550a9e72a70d16ac5ae179fd9c15928e0e7d027fec5a5f207",
}
# The CSV text each generator writes (before publishing).
CSV_TEXT_SHA256 = {
    "aed": "26eda10b9c334ddf4ee20888b725d32805cf4d098639c1d7231ee84e719a4e02",
    "care-service-providers": "db17ccff0612aaad12e10ee300ad37b52cae42b273b85da2d7e351ba97e43df4",
    "childcare-facilities": "2591b3edf33b1eceea273ee570ee3d01f17405f1c59744c8f96c54caa43abf2f",
    "cultural-properties": "586a10eb757d6c735c071f27ca50e02ace9d3ac0a65f190724bd2cc1a80f1916",
    "evacuation-sites": "350df0cda7ecc29adca00227441bce0fa0a4be2b61b2d1525db00b728d1d18b3",
    "events": "59675b1ef7df74874bd8a6b3c441eb0a42e42c4d7819ad220f59ea3076d4731c",
    "fire-water-facilities": "8a31c62773c3e2027d95e5a13122766bdbe8d7f59d1686205092434a915439b2",
    "food-business-permits": "9194c3f9ba966c3d296653450f3d7f4017d8c55129695b9352a1437bd3ae801d",
    "medical-institutions": "5103774999e31ff51d590a62312ad345bc8025ca977c4b9d2454eb2744138a01",
    "open-data-catalog": "eb125a03defcb0f41f4acc9cfabd9630688509b4d1d2304590c39a5bef94cc47",
    "population": "3c52e6c0dff7e8a437d0905f0235ea016d8f7c00d6da9618f2627db5a6ec59db",
    "public-facilities": "0aafae2dc54e10af0214e774182c29156f4722084acea5a2d00265c759ad279c",
    "public-toilets": "bc964bc8864c035fd9697372ced6b5a2c50134ff4730e9cf44719f054f4716e2",
    "public-wifi": "21b25edf3f7ae4a657ef472c44bd5497cbba752796fb7c659ad717946922b8b8",
    "tourist-facilities": "eed2b1bc0a2b532cd419e7c716c9bce6b8eae7517b80e98a5260db14afa4b2cf",
    "waste-sorting": "d64bd87fd38ab4d3805148119e22469b9284412df1514b0016b16bb2bc9405b6",
}
MESSY_UPLOAD_SHA256 = "f6155620567ae9fe66ad59dabd6ad0be981b4d63b28fb1f20cfc6c0003982eef"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_every_generator_writes_the_same_csv_and_the_same_messy_upload():
    assert {d.slug: _sha256(d.csv_text().encode("utf-8")) for d in DATASETS} == CSV_TEXT_SHA256
    assert _sha256(messy_upload()) == MESSY_UPLOAD_SHA256


@pytest.mark.django_db
def test_the_demo_command_publishes_the_same_files_and_fields():
    call_command("demo", verbosity=0)
    published = Resource.objects.filter(format="csv", version__dataset__state=Dataset.State.PUBLISHED)
    found = {}
    for resource in published.select_related("version__dataset"):
        with resource.file.open("rb") as handle:
            found[resource.version.dataset.slug] = _sha256(handle.read())
    assert found == PUBLISHED_CSV_SHA256
    assert list(Group.objects.order_by("sort_order").values_list("slug", "title")) == list(GROUPS.items())
    aed = Dataset.objects.select_related("department", "schema").get(slug="aed")
    assert (aed.title, aed.department.code, aed.schema.key, aed.tags, aed.contact) == (
        "AED設置箇所一覧",
        "health-policy",
        "aed_installations_legacy",
        ["AED", "救命", "応急手当"],
        "健康政策課 0287-23-1111",
    )
    assert [g.slug for g in aed.groups.all()] == ["bousai"]
    assert aed.description == (
        "市の施設や学校、駅に設置しているAED（自動体外式除細動器）の一覧です。"
        "設置位置と利用できる曜日・時間を載せています。小児用パッドの有無も確認できます。"
    )
    assert sorted(Resource.objects.filter(version__dataset=aed).values_list("format", "size")) == [
        ("csv", 21456),
        ("geojson", 50270),
        ("json", 47508),
        ("xlsx", 11306),
    ]
    settings = CatalogSettings.objects.get()
    assert (settings.bbox, settings.contact) == ((36.78, 139.93, 36.98, 140.22), "総合政策部 情報政策課 0287-23-1111")
    assert UsageDaily.objects.exists()
