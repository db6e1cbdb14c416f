from self_check_helpers import open_self_check, answer, wait_for_verdict, read_result
import json
CASE = json.load(open("tests/cases.json"))[0]["answers"]
def test_smoke(page):
    open_self_check(page, "en")
    answer(page, CASE)
    wait_for_verdict(page, "ready")
    print(read_result(page)["rows"][:2])
