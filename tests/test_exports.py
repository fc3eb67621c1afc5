"""CSV and JSON exports of exactly the claims the queue's filters select (editors only)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factcheck.actions import review
from factcheck.models import Claim
from factcheck.views.exports import FIELDS
from tests.factories import add_source, login, make_article, make_claims, verdict

QUEUE = "/queue/"


@pytest.fixture
def desk(editor, reviewer):
    fr = make_article(editor, title="Vote au Sénat", language="fr")
    en = make_article(editor, title="=HYPERLINK(\"http://evil\")", language="en")
    make_claims(fr, 30, Claim.Kind.DATE)
    make_claims(fr, 25, Claim.Kind.VOTE_RESULT, offset=40)
    make_claims(en, 20, Claim.Kind.MEETING_COUNT)
    judged = review.take_claim(fr.claims.filter(kind="date").first(), reviewer)
    add_source(judged)
    add_source(judged, url="https://example.org/2")
    review.submit_claim(judged, reviewer, version=judged.version, verdict=verdict("True"),
                        explanation="Le compte rendu.", value={"date": "2024-11-16"})
    return fr, en


def queue_uuids(client, params: dict) -> list[str]:
    """Every claim of the queue for these filters, following its keyset pages."""
    uuids, params = [], dict(params)
    while True:
        response = client.get(QUEUE, params)
        uuids += [str(c.uuid) for c in response.context["claims"]]
        page = response.context["page"]
        if not page.has_next:
            return uuids
        params["after"] = page.next_key


def export(client, fmt: str, params: dict):
    response = client.get(f"/queue/export.{fmt}", params)
    assert response.status_code == 200
    assert response.streaming
    return response, b"".join(response.streaming_content).decode()


FILTERS = [
    {},
    {"kind": "date"},
    {"language": "en"},
    {"status": "submitted"},
    {"kind": "vote_result", "sort": "kind"},
    {"q": "Sénat"},
]


@pytest.mark.parametrize("params", FILTERS)
def test_csv_export_is_the_filtered_queue(editor, desk, params):
    client = login(editor)
    response, text = export(client, "csv", params)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [row["claim"] for row in rows] == queue_uuids(client, params)


@pytest.mark.parametrize("params", FILTERS)
def test_json_export_is_the_filtered_queue(editor, desk, params):
    client = login(editor)
    _, text = export(client, "json", params)
    rows = json.loads(text)
    assert [row["claim"] for row in rows] == queue_uuids(client, params)
    assert all(set(row) == set(FIELDS) for row in rows)


def test_export_fields(editor, desk):
    _, text = export(login(editor), "json", {"status": "submitted"})
    (row,) = json.loads(text)
    assert row["kind"] == "date"
    assert row["extracted_value"] == {"date": "2024-11-15"}
    assert row["corrected_value"] == {"date": "2024-11-16"}
    assert row["verified_value"] is None
    assert row["verdict"] == "True"
    assert row["explanation"] == "Le compte rendu."
    assert row["source_count"] == 2
    assert row["reviewer"] == "rita"
    assert row["article_title"] == "Vote au Sénat"
    assert row["sentence"]
    assert row["url"].endswith(f"/claims/{row['claim']}/")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(editor, desk):
    _, text = export(login(editor), "csv", {"language": "en"})
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows and all(row["article_title"].startswith("'=") for row in rows)


def test_an_invalid_filter_is_dropped_like_in_the_queue(editor, desk):
    client = login(editor)
    _, text = export(client, "json", {"kind": "nonsense"})
    assert len(json.loads(text)) == len(queue_uuids(client, {})) == 75


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_only_editors_export(request, role, desk):
    client = login(request.getfixturevalue(role))
    assert client.get("/queue/export.csv").status_code == 403
    assert client.get("/queue/export.json").status_code == 403


def test_the_queue_links_to_the_exports_with_its_filters(editor, reviewer, desk):
    page = login(editor).get(QUEUE, {"kind": "date", "after": "1"}).content.decode()
    assert 'href="/queue/export.csv?kind=date"' in page
    assert "/queue/export.csv" not in login(reviewer).get(QUEUE).content.decode()
