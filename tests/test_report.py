"""The internal report: verdict colours (CSP-safe), legend and counts, explanations, sources."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html as lxml_html

from factcheck.models import Claim, Source, Verdict
from tests.factories import make_extracted_article


def report_url(article) -> str:
    return reverse("factcheck:article_report", kwargs={"uuid": article.uuid})


def give_verdicts(article, reviewer) -> list[Claim]:
    """First claim False with two sources, second True with one, the rest without verdict."""
    claims = list(article.claims.order_by("start"))
    false, true = Verdict.objects.get(label_en="False"), Verdict.objects.get(label_en="True")
    for claim, verdict, sources in ((claims[0], false, 2), (claims[1], true, 1)):
        claim.verdict, claim.explanation = verdict, f"Explained <b>{verdict.label_en}</b>"
        claim.status, claim.assignee = Claim.Status.SUBMITTED, reviewer
        claim.save()
        for n in range(sources):
            Source.objects.create(
                claim=claim,
                url=f"https://example.org/{claim.pk}/{n}",
                title=f"Record {claim.pk}-{n}",
                publisher="Sénat",
                quoted_passage="Adopté par 289 voix",
            )
    return claims


def test_report_colours_each_claim_by_its_verdict(client, editor, reviewer, article):
    claims = give_verdicts(article, reviewer)
    client.force_login(editor)
    response = client.get(report_url(article))
    page = lxml_html.fromstring(response.content)
    false = Verdict.objects.get(label_en="False")
    first = page.xpath(f"//div[contains(@class,'report-text')]//a[@href='#claim-{claims[0].uuid}']")
    assert f"verdict-{false.pk}" in first[0].getparent().get("class")
    rest = page.xpath(f"//div[contains(@class,'report-text')]//a[@href='#claim-{claims[2].uuid}']")
    assert "no-verdict" in rest[0].getparent().get("class")
    assert page.xpath("//div[contains(@class,'report-text')]")[0].text_content() == article.body


def test_colours_come_from_a_nonced_style_block_allowed_by_the_csp(client, editor, article):
    client.force_login(editor)
    response = client.get(report_url(article))
    content = response.content.decode()
    nonce = re.search(r'<style nonce="([^"]+)">', content)[1]
    style_src = re.search(r"style-src [^;]*", response["Content-Security-Policy"])[0]
    assert f"'nonce-{nonce}'" in style_src
    for verdict in Verdict.objects.filter(is_active=True):
        assert f".verdict-{verdict.pk} {{ --verdict: {verdict.colour}; }}" in content
    assert ' style="' not in content  # no style attributes: the CSP forbids them


def test_legend_counts_verdicts(client, editor, reviewer, article):
    claims = give_verdicts(article, reviewer)
    client.force_login(editor)
    page = lxml_html.fromstring(client.get(report_url(article)).content)
    legend = {
        li.text_content().split(":")[0].strip(): int(li.xpath(".//strong")[0].text)
        for li in page.xpath("//ul[@class='legend']/li")
    }
    assert legend["False"] == 1 and legend["True"] == 1 and legend["Misleading"] == 0
    assert legend["No verdict yet"] == len(claims) - 2


def test_claims_show_verdict_explanation_and_sources(client, editor, reviewer, article):
    claims = give_verdicts(article, reviewer)
    client.force_login(editor)
    page = lxml_html.fromstring(client.get(report_url(article)).content)
    item = page.xpath(f"//li[@id='claim-{claims[0].uuid}']")[0]
    assert "False" in item.xpath(".//span[contains(@class,'verdict-tag')]")[0].text_content()
    explanation = item.xpath(".//div[@class='explanation']")[0]
    assert explanation.text_content().strip() == "Explained <b>False</b>"  # escaped, not bold
    links = item.xpath(".//ul[@class='sources']//a")
    assert [a.get("rel") for a in links] == ["noopener noreferrer nofollow"] * 2
    assert {a.get("href") for a in links} == {s.url for s in claims[0].sources.all()}
    assert "Adopté par 289 voix" in item.text_content()


def test_dismissed_and_stale_claims_are_left_out(client, editor, article):
    dismissed, stale, *rest = article.claims.order_by("start")
    Claim.objects.filter(pk=dismissed.pk).update(status=Claim.Status.DISMISSED)
    Claim.objects.filter(pk=stale.pk).update(stale=True)
    client.force_login(editor)
    content = client.get(report_url(article)).content.decode()
    assert f"claim-{dismissed.uuid}" not in content and f"claim-{stale.uuid}" not in content
    assert all(f'id="claim-{claim.uuid}"' in content for claim in rest)


def test_inactive_verdict_in_use_keeps_its_legend_line(client, editor, reviewer, article):
    give_verdicts(article, reviewer)
    Verdict.objects.filter(label_en="False").update(is_active=False)
    Verdict.objects.filter(label_en="Misleading").update(is_active=False)
    client.force_login(editor)
    legend = lxml_html.fromstring(client.get(report_url(article)).content).xpath(
        "//ul[@class='legend']"
    )[0].text_content()
    assert "False" in legend and "Misleading" not in legend


def test_report_query_count_is_fixed(client, editor, reviewer):
    sentence = "Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12. "
    small = make_extracted_article(editor)
    large = make_extracted_article(editor, body=sentence * 80)
    for article in (small, large):
        give_verdicts(article, reviewer)
    verdict = Verdict.objects.get(label_en="Mostly true")
    for claim in large.claims.filter(verdict__isnull=True):
        claim.verdict = verdict
        claim.save()
        Source.objects.create(claim=claim, url="https://example.org/x")
    client.force_login(editor)
    client.get(report_url(small))
    with CaptureQueriesContext(connection) as small_queries:
        client.get(report_url(small))
    with CaptureQueriesContext(connection) as large_queries:
        assert client.get(report_url(large)).status_code == 200
    assert large.claims.count() >= 150
    assert len(large_queries) == len(small_queries) <= 9, [q["sql"] for q in large_queries]
