"""The programme's figures, each named once with where it comes from: read by the
rules, the form's hints and, at build time, the pages' prose (hooks/figures.py
puts `{{ NAME }}` in docs/ in their place; a figure written out by hand in a page
stops the build). Change a figure here and the pages, the form, the checker and
its tests follow.

A figure has
  value   the number
  unit    what it counts
  source  where it comes from: the line of Apple's programme page (Swedish, the
          text the guide follows; see DESIGN.md, "Sources"), or why it is this
          guide's own and not Apple's
Figures worked out from others are functions of them, below the figures.
"""

from .i18n import N_


class Figure:
    def __init__(self, value, unit, source):
        self.value = value
        self.unit = unit
        self.source = source


MINIMUM_REPAIRS_PER_QUARTER = Figure(
    200, "repairs a quarter",
    "Apple's programme page, \"Drift\": \"Auktoriserade servicepartner måste slutföra minst "
    "200 reparationer per kvartal.\"")

# Apple asks for "a reasonably long time" in operation and publishes no minimum; less
# than a year (no audited annual accounts yet, as a rule) is worth looking into.
GUIDANCE_MONTHS_IN_OPERATION = Figure(
    12, "months in operation",
    "This guide's own rule of thumb, not Apple's: the programme page asks only that the "
    "organisation \"har varit verksam under en rimligt lång tid\".")

# Not a requirement: in the guide's own note on Apple's Independent Repair Provider
# programme (DESIGN.md, "Links out"), which a page names as {{ independent_repair_countries }}
# so that it is never mistaken for the repairs minimum it happens to equal.
INDEPENDENT_REPAIR_COUNTRIES = Figure(
    200, "countries",
    "Apple's announcement of 2021: the Independent Repair Provider programme in over 200 countries.")

WEEKS_PER_QUARTER = Figure(13, "weeks", "A year's 52 weeks in four quarters.")


def repairs_a_week(_):
    """The minimum as repairs a week, in words through the translator `_`: "just
    over 15" where the weeks do not divide it."""
    whole, rest = divmod(MINIMUM_REPAIRS_PER_QUARTER.value, WEEKS_PER_QUARTER.value)
    if rest:
        return _(N_("just over {count}"), count=whole)
    return str(whole)


# What a page can name, as `{{ NAME }}`: the figure's number, or a text in the
# page's language from a translator `_`.
IN_PAGES = {
    "minimum_repairs_per_quarter": lambda _: str(MINIMUM_REPAIRS_PER_QUARTER.value),
    "guidance_months_in_operation": lambda _: str(GUIDANCE_MONTHS_IN_OPERATION.value),
    "minimum_repairs_a_week": repairs_a_week,
    "independent_repair_countries": lambda _: str(INDEPENDENT_REPAIR_COUNTRIES.value),
}

# The numbers a page may not write out by hand (it names them instead).
STATED_NUMBERS = [MINIMUM_REPAIRS_PER_QUARTER.value, GUIDANCE_MONTHS_IN_OPERATION.value,
                  MINIMUM_REPAIRS_PER_QUARTER.value // WEEKS_PER_QUARTER.value]
