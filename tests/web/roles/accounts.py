"""Who may reach the sign-in, account, people, audit and consultation pages."""
from tests.web.roles import ADMIN, ALL_ROLES, PUBLIC, RUNNERS, STAFF

EXPECTED = {
    "console.login": PUBLIC,
    "console.accept_invite": PUBLIC,
    "console.logout": ALL_ROLES,
    "console.home": ALL_ROLES,
    "console.account": ALL_ROLES,
    "console.new_consultation": STAFF,
    "console.consultation": RUNNERS,
    "console.set_status": RUNNERS,
    "console.set_team": STAFF,
    "console.delete_consultation": (ADMIN,),
    "console.people": (ADMIN,),
    "console.invite": (ADMIN,),
    "console.reinvite": (ADMIN,),
    "console.change_role": (ADMIN,),
    "console.set_active": (ADMIN,),
    "console.audit_log": (ADMIN,),
    "console.import_survey": STAFF,
    "console.export_survey": RUNNERS,
}
