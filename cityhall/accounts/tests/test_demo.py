"""The demo city loaded from accounts/data/demo_city.yaml: its shape and what lands in the database."""

import datetime as dt

import pytest
import yaml

from cityhall.accounts import demo
from cityhall.accounts.models import CommitteeMembership, DepartmentAssignment, User
from cityhall.core.data_files import DataFileError, data_path, read_data
from cityhall.core.models import Department, Municipality


def test_the_yaml_keeps_codes_and_numbers_as_written():
    city = demo.city()
    assert city.municipality.code == "092100"
    assert (city.municipality.latitude, city.municipality.longitude) == ("36.871300", "140.015500")
    assert city.municipality.population == 70000
    assert city.committee_start == dt.date(2023, 4, 1)
    assert [unit.code for unit in city.offices] == ["accounting", "assembly"]
    assert len(city.divisions()) == 25 + 2


def test_a_file_of_the_wrong_shape_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    raw = yaml.safe_load(data_path("cityhall.accounts", "demo_city.yaml").read_text(encoding="utf-8"))
    raw["municipality"]["code"] = 92100  # an unquoted code read as a number
    broken = tmp_path / "data" / "demo_city.yaml"
    broken.parent.mkdir()
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr("cityhall.core.data_files.data_path", lambda package, name: broken)
    with pytest.raises(DataFileError, match=r"municipality\.code"):
        read_data("cityhall.accounts", "demo_city.yaml", demo.DemoCity)


@pytest.mark.django_db
def test_load_writes_the_organisation_people_and_committees():
    lines = demo.load()
    assert Municipality.objects.get().name == "大田原市"
    assert Department.objects.count() == 8 + 25 + 2
    section = Department.objects.get(code="citizens")
    assert (section.name, section.name_en, section.kind, section.parent.code, section.sort_order) == (
        "市民課",
        "Citizens Division",
        Department.Kind.SECTION,
        "citizens-life",
        39,
    )
    assert (section.location, section.phone) == ("本庁舎", "0287-23-1111")
    assert Department.objects.get(code="assembly").kind == Department.Kind.OFFICE
    chief = User.objects.get(email="citizens-chief@demo.ohtawara.example.jp")
    assert (chief.display_name, chief.title, chief.department.code) == ("野崎 五郎", "市民課長", "citizens")
    assert list(chief.roles.values_list("code", flat=True)) == ["section_chief"]
    assert chief.check_password("demo-chief-2026")
    mayor = User.objects.get(email="mayor@demo.ohtawara.example.jp")
    assert mayor.is_staff and not mayor.has_usable_password() and mayor.department is None
    assert CommitteeMembership.objects.count() == 10
    assert CommitteeMembership.objects.get(committee="security", user=chief).position == "member"
    assert DepartmentAssignment.objects.filter(department__code="citizens").count() == 2
    assert "■ 課長（市民課）：手続き案内の承認" in lines
