"""Questions over the store, each a plain function returning dataclasses (with `to_dict`)."""
from exodus.questions.briefing import Briefing, briefing
from exodus.questions.conflicts import Conflict, find_conflicts
from exodus.questions.flows import TalentFlows, talent_flows
from exodus.questions.lookup import fact_sources, search
from exodus.questions.roster import OrgRoster, org_roster
from exodus.questions.settling import reopen_conflict, settle_conflict
from exodus.questions.timeline import PersonTimeline, person_timeline

__all__ = ["person_timeline", "org_roster", "talent_flows", "find_conflicts", "settle_conflict",
           "reopen_conflict", "search", "fact_sources", "briefing",
           "PersonTimeline", "OrgRoster", "TalentFlows", "Conflict", "Briefing"]
