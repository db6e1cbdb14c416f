"""The case table's named profiles (tests/cases/), for the tests and benchmarks
that start from one, and the businesses of issue 11 that the result journey's
tests and scripts/screenshots.py fill in. CPython only; read through case_runner,
which adds the answers that topic files give a profile, as every runtime does."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import case_runner  # noqa: E402

PROFILES, _ = case_runner.load_table(str(pathlib.Path(__file__).parent / "cases"))
# A repair shop that meets every requirement.
COMPLETE = PROFILES["complete"]["answers"]

# Issue 11's small shop that fails: one person repairing phones at home, 120 repairs a
# quarter, a gmail address, the rest as such a shop would answer.
SMALL_SHOP = dict(
    COMPLETE, legal_name="Kalles Mobilfix", principal="Karl Andersson",
    addresses=["Björkvägen 4, 590 40 Kisa"], phone="070-123 45 67", email="kalle.mobilfix@gmail.com",
    website="www.kallesmobilfix.se",
    purpose="Byter skärmar och batterier på mobiler och surfplattor åt privatpersoner i Kisa med omnejd.",
    months_in_operation=8, credit_line="planned", dedicated_staff=False, home_address=True,
    commercial_location=False, reception_area=False, secure_workshop=False,
    repairs_per_quarter=120, certified_technicians=0)

# A university repairing its students' and staff's Macs: it skips the business focus (as
# its hint says it may) and does not know whether Apple runs service in its region.
UNIVERSITY = dict(
    COMPLETE, region="unsure", organisation_type="university", business_focus=None,
    months_in_operation=600, credit_line="planned", legal_name="Lunds universitet", principal="Eva Lind",
    addresses=["Sölvegatan 18, 223 62 Lund"], phone="+46 46 222 00 00", email="it-service@lu.se",
    website="www.lu.se", repairs_per_quarter=260,
    purpose="Reparerar Mac och iPad åt universitetets studenter och anställda, i vår IT-service på campus.")
