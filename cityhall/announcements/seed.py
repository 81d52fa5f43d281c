"""The seed content of お知らせ (data/seed.yaml): categories and the channel rules, for migration 0002."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from cityhall.core.data_files import read_data

CHANNELS = ("web", "email", "line", "x", "facebook", "webhook")  # models.Channel, frozen for the migration


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class CategorySeed(_Strict):
    key: str
    name: str


class RuleSeed(_Strict):
    urgency: str = ""
    category: str = ""
    channels: list[str]
    note: str = ""


class Seed(_Strict):
    categories: list[CategorySeed]
    channel_rules: list[RuleSeed]


def seed() -> Seed:
    data: Seed = read_data("cityhall.announcements", "seed.yaml", Seed)
    keys = {c.key for c in data.categories}
    for rule in data.channel_rules:
        assert rule.category in keys | {""}, f"unknown category {rule.category!r} in a channel rule"
        assert set(rule.channels) <= set(CHANNELS), f"unknown channel in {rule.channels!r}"
        assert rule.urgency in ("", "normal", "important", "emergency"), rule.urgency
    return data
