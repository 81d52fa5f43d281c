"""Every app has the shape docs/architecture.md describes ("The shape of an app").

A file or folder in an app that the shape does not name fails here, unless it is in
EXCEPTIONS with the reason it exists. A module past ~400 lines fails too: it becomes
a package split by use case.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "cityhall"

# The shape: name → what it holds (a module or a package of the same name).
SHAPE = {
    "__init__.py": "the package",
    "apps.py": "AppConfig; registries filled in ready()",
    "models": "data and invariants",
    "services": "every write use case",
    "selectors": "every non-trivial read, permission filtering included",
    "forms": "forms (core.forms kinds)",
    "views": "public pages",
    "urls.py": "public URLs",
    "console": "staff pages and their urls (console/urls.py)",
    "api": "JSON API adapters",
    "tasks.py": "thin background tasks, registered by name",
    "permissions.py": "who may do what (predicates for core.decorators.staff_passes)",
    "audit_display.py": "Japanese labels of the app's audit actions and links",
    "data": "seed and demo content as YAML, read with core.data_files.read_data",
    "demo": "the demo loader (registered with core.demo), and its data shapes; a package when long",
    "seed": "the app's seed content from data/ (shapes and reader) for its data migration",
    "admin.py": "Django admin (read-only)",
    "templates": "templates/<app>/",
    "templatetags": "template filters",
    "management": "manage.py commands",
    "migrations": "migrations",
    "tests": "tests",
}

# Files and folders outside the shape, each with why it exists. Keep this list short.
EXCEPTIONS = {
    # core is the shared kernel: small modules named after what they do (docs/architecture.md, "core").
    "core": {
        "actors.py",
        "audit.py",
        "background.py",
        "backup.py",
        "context_processors.py",
        "data_files.py",
        "decorators.py",
        "edge_cache.py",
        "errors.py",
        "file_kinds.py",
        "fiscal_year.py",
        "fonts",
        "htmx.py",
        "middleware.py",
        "modules.py",
        "municipality_code.py",
        "pdf.py",
        "periodic.py",
        "readings.py",
        "request_logging.py",
        "restore.py",
        "search",
        "serving.py",
        "spreadsheet.py",
        "text.py",
        "uploads.py",
        "wareki.py",
    },
    # allauth and Django auth glue: the adapters, the role permission backend, the staff MFA
    # middleware and axes' username callable are named by settings.
    "accounts": {"adapters.py", "backends.py", "middleware.py", "throttle.py"},
    "console": {"context_processors.py"},  # the side navigation of every console page
    "notifications": {"backends.py"},  # the outbox e-mail backend named by EMAIL_BACKEND
    "plans": {
        "scoring.py",  # the priority score rule (pure)
        "exports.py",  # the CSV datasets and the Excel workbook (served by console/downloads.py)
        "meeting_pack.py",  # the meeting pack PDF
    },
    "procedures": {"checklist_pdf.py"},  # the life-event checklist PDF
    "opendata": {
        "validation",  # the validator: pure Python, no models
        "reference",  # the reference JSON the definitions were seeded from (unmodified copy)
        "ckan",  # the CKAN-compatible Action API and its urls (ckan/urls.py), mounted by config
        "dcat.py",  # DCAT (Turtle, JSON-LD)
        "formats",  # the download formats (CSV, JSON, GeoJSON, XLSX) and version diffs
        "xlsx.py",  # the streaming XLSX writer (ADR in docs/adr)
        "charts.py",  # inline SVG charts and point maps
        "links.py",  # public addresses of datasets and files
    },
}
MAX_LINES = 400
LONG_DATA = {"migrations"}  # generated; not held to the line limit


def _apps() -> list[Path]:
    return sorted(p for p in ROOT.iterdir() if p.is_dir() and (p / "apps.py").exists())


def _entry_name(path: Path) -> str:
    return path.stem if path.suffix == ".py" and path.stem in SHAPE else path.name


def test_every_app_has_only_the_shapes_files():
    strays = {}
    for app in _apps():
        allowed = set(SHAPE) | EXCEPTIONS.get(app.name, set())
        found = [p for p in app.iterdir() if p.name != "__pycache__"]
        extra = sorted(p.name for p in found if _entry_name(p) not in allowed and p.name not in allowed)
        if extra:
            strays[app.name] = extra
    assert strays == {}, "name these in the shape (docs/architecture.md) or in EXCEPTIONS with a reason"


def test_exceptions_name_files_that_exist():
    gone = {app: sorted(n for n in names if not (ROOT / app / n).exists()) for app, names in EXCEPTIONS.items()}
    assert {app: names for app, names in gone.items() if names} == {}


def test_no_module_is_past_the_line_limit():
    long = {}
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & LONG_DATA or "tests" in parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long[str(path.relative_to(ROOT))] = lines
    assert long == {}, f"split these by use case into packages (limit {MAX_LINES} lines)"
