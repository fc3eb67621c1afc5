"""Load demo users, the demo article (extracted by the worker), and a second demo article
reviewed and published, so that the public pages show a fact-check at once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from factcheck import roles
from factcheck.actions import extraction, publishing, review
from factcheck.actions.extraction import submit_article
from factcheck.extraction import extract
from factcheck.models import Article, Claim, Organisation, Verdict, content_hash

DATA = Path(__file__).resolve().parents[2] / "data"
DEMO_ARTICLE = DATA / "demo_article.json"
# Extracted here, each claim reviewed by `reviewer`, approved by `editor`, then published.
DEMO_PUBLISHED = DATA / "demo_published.json"
DEMO_ORGANISATION = {
    "name": "Newsroom Factcheck (demo)",
    "url": "http://127.0.0.1:8000/",
    "logo_url": "http://127.0.0.1:8000/static/favicon.svg",
}

# username, password, group (None: superuser)
DEMO_USERS = [
    ("admin", "admin-demo-2026", None),
    ("editor", "editor-demo-2026", roles.EDITORS),
    ("reviewer", "reviewer-demo-2026", roles.REVIEWERS),
]


class Command(BaseCommand):
    help = "Create the demo users (admin, editor, reviewer) and the extracted demo article."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--sync", action="store_true", help="extract in this process instead of the worker"
        )

    def handle(self, *args: Any, sync: bool = False, **options: Any) -> None:
        with transaction.atomic():
            for username, password, group in DEMO_USERS:
                self._ensure_user(username, password, group)
            article = self._ensure_article()
            Organisation.objects.get_or_create(pk=Organisation.SINGLETON_PK,
                                               defaults=DEMO_ORGANISATION)
            published = self._ensure_published_article()
        if sync:
            from factcheck.tasks import extract_article

            extract_article(article.pk)
            article.refresh_from_db()
        self.stdout.write(
            f"Demo article: {article.title[:60]}... ({article.status}) "
            f"/articles/{article.uuid}/"
        )
        self.stdout.write(f"Published demo fact-check: {published.get_public_url()}")

    def _ensure_user(self, username: str, password: str, group: str | None) -> None:
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_password(password)
            user.is_staff = group is None
            user.is_superuser = group is None
            user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        state = f"password: {password}" if created else "already there, password unchanged"
        self.stdout.write(f"User {username!r} ({group or 'superuser'}), {state}")

    def _ensure_article(self) -> Article:
        data = _read(DEMO_ARTICLE)
        existing = Article.objects.filter(content_hash=content_hash(data["text"])).first()
        if existing:
            return existing
        return submit_article(
            title=data["title"],
            body=data["text"],
            requested_language=data["lang"],
            published_on=dt.date.fromisoformat(data["published"] + "-01"),
            published_precision=Article.DatePrecision.MONTH,
            outlet=data["outlet"],
            uploaded_by=get_user_model().objects.get(username="editor"),
        )

    def _ensure_published_article(self) -> Article:
        users = get_user_model().objects
        return load_published_demo(users.get(username="editor"), users.get(username="reviewer"))


def load_published_demo(editor: Any, reviewer: Any) -> Article:
    """The published demo article (made once): extracted here, each claim reviewed by
    `reviewer` and approved by `editor` through the workflow, then published."""
    data = _read(DEMO_PUBLISHED)
    existing = Article.objects.filter(content_hash=content_hash(data["text"])).first()
    if existing:
        return existing
    article = Article.objects.create(
        title=data["title"], body=data["text"], requested_language=data["lang"],
        published_on=dt.date.fromisoformat(data["published"]), outlet=data["outlet"],
        source_url=data["source_url"], uploaded_by=editor,
    )
    found = extract(data["text"], lang=data["lang"], published=data["published"])
    article = extraction.apply_extraction(article.pk, found, data["lang"])
    for claim in article.claims.order_by("start"):
        if claim.text not in data["reviews"]:
            raise CommandError(f"The demo review has no verdict for {claim.text!r}.")
        _review(claim, reviewer, editor, *data["reviews"][claim.text])
    return publishing.publish_article(Article.objects.get(pk=article.pk), editor)


def _read(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"Cannot read the demo data {path}: {exc}") from exc


def _review(claim: Claim, reviewer: Any, editor: Any, label: str, explanation: str, url: str,
            title: str, publisher: str, passage: str) -> None:
    """Through the workflow, as people would: take, source, judge, submit, approve."""
    claim = review.take_claim(claim, reviewer)
    review.add_source(claim, reviewer, url=url, title=title, publisher=publisher,
                      quoted_passage=passage, accessed_on=dt.date(2025, 3, 14))
    claim = Claim.objects.get(pk=claim.pk)
    claim = review.submit_claim(claim, reviewer, version=claim.version,
                                verdict=Verdict.objects.get(label_en=label),
                                explanation=explanation)
    review.approve_claim(claim, editor, version=claim.version)
