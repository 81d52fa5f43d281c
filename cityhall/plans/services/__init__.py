"""Write use cases of the ICT plan. Every change is audited; bad input changes nothing.

- `scores`: scoring an initiative for a 年度, and changing the score rule (which re-ranks every score);
- `initiatives`: describing an initiative and editing its 実施スケジュール;
- `progress`: progress reports with evidence, 年次計画, the 実施計画's tasks and the yearly evaluation;
- `decisions`: quick decisions (判断記録) and committee meetings with their decisions;
- `plan_rules`: what every write checks first (an editor acts, the plan period, one record per period).

Callers import this package (`from cityhall.plans import services`). The constants are re-exported
for reading; a test that changes one patches the submodule that reads it (`services.progress`).
"""

from cityhall.plans.services.decisions import decision_record, meeting_decision_add, meeting_save
from cityhall.plans.services.initiatives import initiative_update, schedule_bar_delete, schedule_bar_save
from cityhall.plans.services.progress import (
    EVIDENCE_FILES,
    PROGRESS_REPORTERS_ONLY,
    annual_plan_save,
    evaluation_save,
    progress_report,
    task_save,
)
from cityhall.plans.services.scores import score_rule_set, score_set

__all__ = [
    "EVIDENCE_FILES",
    "PROGRESS_REPORTERS_ONLY",
    "annual_plan_save",
    "decision_record",
    "evaluation_save",
    "initiative_update",
    "meeting_decision_add",
    "meeting_save",
    "progress_report",
    "schedule_bar_delete",
    "schedule_bar_save",
    "score_rule_set",
    "score_set",
    "task_save",
]
