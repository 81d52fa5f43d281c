"""An import-linter contract of our own: every app's public surface is an allow-list.

For every app in the container package, other apps may import only the modules named
in `public` (its services, selectors and API); the shared kernel (`core`) is open to
all. A new app or a new module is covered the day it is added: nothing is listed per
app. Tests inside the apps are not checked (`cityhall.<app>.tests` may arrange state
anywhere).
"""

from __future__ import annotations

from typing import Any, cast

from grimp import ImportGraph
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class PublicSurfaceContract(Contract):
    container = fields.StringField()
    kernel = fields.StringField()
    public = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        allowed = set(self._public())
        broken: list[dict[str, Any]] = []
        for importer in sorted(graph.modules):
            source = self._app_of(importer)
            if source is None or ".tests" in importer:
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = self._app_of(imported)
                if target in (None, source, cast(str, self.kernel)):
                    continue
                surface = imported.split(".")[2] if imported.count(".") >= 2 else ""
                if surface not in allowed:
                    lines = [d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)]
                    broken.append({"importer": importer, "imported": imported, "lines": lines})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        from importlinter.application import output

        output.print(f"Other apps may import only {', '.join(self._public())} of an app:")
        for item in check.metadata["broken"]:
            output.print(f"- {item['importer']} -> {item['imported']} (l.{', '.join(map(str, item['lines']))})")

    def _public(self) -> list[str]:
        return cast(list[str], self.public)  # the field's parsed value (the class attribute is its declaration)

    def _app_of(self, module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if len(parts) >= 2 and parts[0] == cast(str, self.container) else None
