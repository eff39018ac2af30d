"""The access table: for every console and API endpoint, the roles that may use it.

Each area keeps its own module here with an ``EXPECTED`` dict of endpoint ->
roles; ``test_every_route_and_role`` walks every route of the app against
every role, and fails on an endpoint no module names.
"""
ADMIN = "admin"
FACILITATOR = "facilitator"
CO_FACILITATOR = "co_facilitator"
BOARD_MEMBER = "board_member"
SAFEGUARDING_LEAD = "safeguarding_lead"

ALL_ROLES = (ADMIN, FACILITATOR, CO_FACILITATOR, BOARD_MEMBER, SAFEGUARDING_LEAD)
STAFF = (ADMIN, FACILITATOR)
RUNNERS = (ADMIN, FACILITATOR, CO_FACILITATOR)
PUBLIC = "public"  # no sign-in at all: young people's pages, sign-in itself
