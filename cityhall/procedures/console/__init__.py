"""Staff console of the procedures guide (手続き案内), mounted by the console at /console/procedures/.

The pages are in `procedures` (the list, new procedures, drafts, submitting and 様式 files),
`review` (the approval queue and the version pages) and `portal` (gap list, synonyms,
life-event rules, notices and emergency mode), wired in `urls.py`. They are thin adapters:
parse a form, call one service or selector, render. Every page needs one of the modules
`procedures`, `procedures_approve` or `procedures_admin` (`permissions.can_use_console`) or,
for the portal pages, `procedures_admin`; the services check the same rules again.
"""

from __future__ import annotations

GET_POST = ["GET", "POST"]
